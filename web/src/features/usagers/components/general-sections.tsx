import type { UsagerDto } from '@jalon/core';
import { DescriptionList } from '../../../components/ui/description-list';
import { dash, formatDate } from '../../../lib/format';
import { codedLabel } from '../coded';
import { contactBody, contactValuesOf, identityBody, identityValuesOf } from '../form-values';
import { ContactFields } from './contact-fields';
import { EditableSection } from './editable-section';
import { IdentityFields } from './identity-fields';

/** Identity and contact: the general part, editable by the file's team and the site's secretaries. */
export function GeneralSections({ dto }: { dto: UsagerDto }) {
  const { data, can } = dto;
  const { person, contact } = data;
  return (
    <>
      <EditableSection
        id="etat-civil"
        title="État civil"
        section="identity"
        usagerId={data.id}
        version={data.version}
        canEdit={can.updateIdentity}
        initial={identityValuesOf(data)}
        toBody={identityBody}
        renderFields={(p) => <IdentityFields {...p} />}
        view={
          <DescriptionList
            items={[
              ['Nom de naissance', person.birthName],
              ['Nom d’usage', dash(person.usedName)],
              ['Prénom(s)', person.firstNames],
              ['Sexe', person.sex ? codedLabel('sexe', person.sex) : 'Non renseigné'],
              ['Date de naissance', formatDate(person.birthDate)],
              ['Lieu de naissance', dash(person.birthPlace)],
            ]}
          />
        }
      />
      <EditableSection
        id="coordonnees"
        title="Coordonnées"
        section="contact"
        usagerId={data.id}
        version={data.version}
        canEdit={can.updateIdentity}
        initial={contactValuesOf(data)}
        toBody={contactBody}
        renderFields={(p) => <ContactFields {...p} />}
        view={
          <DescriptionList
            items={[
              ['Adresse', dash(contact.addressLine)],
              ['Code postal', dash(contact.postalCode)],
              ['Commune', dash(contact.city)],
              [
                'Domiciliation administrative',
                contact.domiciliation
                  ? `Oui${contact.domiciliationOrganism ? ` — ${contact.domiciliationOrganism}` : ''}`
                  : 'Non',
              ],
              ['Téléphone', dash(contact.phone)],
              ['Courriel', dash(contact.email)],
            ]}
          />
        }
      />
    </>
  );
}
