import { Button } from '@codegouvfr/react-dsfr/Button';
import type { LetterTemplateDto } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/text-field';
import { serverFieldErrors } from '../../../lib/form';
import { useLetterTemplates } from '../api/get-letter-templates';
import { useSaveLetterTemplate } from '../api/save-letter-template';

const dateFr = (iso: string) => new Date(iso).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });

/** Edits a template: the save is a new version; an unknown placeholder is refused by the server (422, in French). */
function TemplateForm({ template, onDone }: { template: LetterTemplateDto; onDone: () => void }) {
  const [title, setTitle] = useState(template.title);
  const [text, setText] = useState(template.text);
  const mutation = useSaveLetterTemplate();
  const errors = serverFieldErrors(mutation.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ code: template.code, title, text }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`Modifier le modèle « ${template.codeLabel} »`} className="fr-mb-3w">
      <ErrorAlert error={mutation.error} title="Le modèle n’a pas été enregistré" />
      <TextField name={`titre-${template.code}`} label="Titre" value={title} onChange={setTitle} error={errors.title} />
      <TextField
        name={`texte-${template.code}`}
        label="Texte du courrier"
        hint="Insérez les champs entre doubles accolades, par exemple {{usager.nom}}"
        value={text}
        onChange={setText}
        error={errors.text}
        textArea
      />
      <Button type="submit" disabled={mutation.isPending}>
        Enregistrer une nouvelle version
      </Button>
    </form>
  );
}

/** Administration — letter templates: the current version of each, its edit form and the placeholder catalogue. */
export function LetterTemplatesTab() {
  const { data, error } = useLetterTemplates();
  const [editing, setEditing] = useState<string | null>(null);
  if (error) return <ErrorAlert error={error} title="Les modèles n’ont pas pu être chargés" />;
  if (!data) return <p>Chargement…</p>;
  const current = data.items.filter((t, i, all) => all.findIndex((o) => o.code === t.code) === i);
  return (
    <>
      <h2 className="fr-h4">Modèles de courriers</h2>
      {current.map((t) => (
        <section key={t.code} aria-labelledby={`modele-${t.code}`} className="fr-mb-4w">
          <h3 id={`modele-${t.code}`} className="fr-h5">
            {t.codeLabel} — version {t.version} du {dateFr(t.validFrom)}
            {t.createdBy ? `, par ${t.createdBy}` : ''}
          </h3>
          {editing === t.code ? (
            <TemplateForm template={t} onDone={() => setEditing(null)} />
          ) : (
            <>
              <pre className="fr-text--sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t.text}
              </pre>
              <Button priority="secondary" size="small" onClick={() => setEditing(t.code)}>
                Modifier
              </Button>
            </>
          )}
        </section>
      ))}
      <table className="fr-table">
        <caption>Champs disponibles</caption>
        <thead>
          <tr>
            <th scope="col">Champ</th>
            <th scope="col">Contenu</th>
          </tr>
        </thead>
        <tbody>
          {data.placeholders.map((p) => (
            <tr key={p.name}>
              <td>
                <code>{`{{${p.name}}}`}</code>
              </td>
              <td>{p.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
