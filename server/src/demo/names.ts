/**
 * Synthetic name material: frequent surnames and first names of France (frequency lists), combined at random.
 * The combinations are invented; they describe no real person.
 */
export const SURNAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent',
  'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier',
  'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller',
  'Henry', 'Roussel', 'Nicolas', 'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier',
  'Robin', 'Masson', 'Sánchez', 'Gérard', 'Nguyen', 'Boyer', 'Denis', 'Lemaire', 'Duval', 'Joly', 'Gautier', 'Roger', 'Roche',
  'Diallo', 'Traoré', 'Koné', 'Camara', 'Diarra', 'Cissé', 'Touré', 'Sylla', 'Keita', 'Coulibaly', 'Benali', 'Haddad', 'Mansouri',
  'Bouzid', 'Belkacem', 'Cohen', 'Da Silva', 'Ferreira', 'Rodrigues', 'Pereira', 'Wang', 'Chen', 'Zhang', 'Tran', 'Pham',
  'Kaya', 'Yilmaz', 'Popescu', 'Ionescu', 'Nowak', 'Lévêque', 'Le Gall', 'Le Goff', 'N’Diaye', 'Saint-Martin', 'Lebrun', 'Lacroix',
] as const;

export const FEMALE_FIRST = [
  'Marie', 'Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Sarah', 'Emma', 'Zoé', 'Éloïse', 'Anaïs', 'Hélène', 'Nathalie', 'Sophie',
  'Isabelle', 'Fatoumata', 'Aminata', 'Mariam', 'Yasmine', 'Nadia', 'Fatima', 'Leïla', 'Ana', 'Mei', 'Linh', 'Elif', 'Ioana',
  'Agnès', 'Brigitte', 'Josiane', 'Océane', 'Clémence', 'Maëlys', 'Aïcha', 'Khadija', 'Awa', 'Rose', 'Louise', 'Jeanne', 'Alice',
] as const;

export const MALE_FIRST = [
  'Jean', 'Pierre', 'Michel', 'Thomas', 'Nicolas', 'Julien', 'Lucas', 'Hugo', 'Mamadou', 'Moussa', 'Ibrahim', 'Mohamed', 'Karim',
  'Youssef', 'Mehdi', 'Ali', 'Omar', 'Sékou', 'Jérôme', 'François', 'Stéphane', 'Cédric', 'Loïc', 'Noé', 'Théo', 'Raphaël',
  'Bao', 'Minh', 'Wei', 'Emre', 'Andrei', 'Piotr', 'José', 'João', 'Gaël', 'Adama', 'Bakary', 'Hamza', 'Rayan', 'Louis',
] as const;

export const STREETS = [
  'rue Ordener', 'rue Marcadet', 'boulevard Barbès', 'rue de la Goutte-d’Or', 'rue Championnet', 'rue du Poteau', 'rue Myrha',
  'rue du Faubourg-Saint-Denis', 'rue des Vinaigriers', 'rue de Lancry', 'boulevard de Magenta', 'rue de Paradis', 'rue Lucien-Sampaix',
  'rue de Belleville', 'rue des Pyrénées', 'rue de Ménilmontant', 'rue Julien-Lacroix', 'boulevard de la Villette',
] as const;

export const DOMICILIATION_ORGANISMS = ['CASVP — PSA Belleville', 'Association Aurore', 'Emmaüs Solidarité', 'Secours catholique', 'CCAS'] as const;
