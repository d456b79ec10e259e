import { Button } from '@codegouvfr/react-dsfr/Button';
import { UpdateUsagerInput } from '@jalon/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { submitOnEnter, useFocusFirstError } from '../../../hooks/use-focus-first-error';
import { isApiError } from '../../../lib/api-client';
import { issuesToFields, serverFieldErrors, stripPrefix, type FieldErrors } from '../../../lib/form';
import { usagerQueryKey } from '../api/get-usager';
import { useUpdateUsager } from '../api/update-usager';
import type { SectionFieldsProps } from '../form-values';

export type SectionKey = 'identity' | 'contact' | 'identifiers' | 'situation' | 'household';

interface EditableSectionProps<T> {
  /** Used for the heading id and the aria labels. */
  id: string;
  title: string;
  section: SectionKey;
  usagerId: string;
  version: number;
  canEdit: boolean;
  /** Current values, from the last answer of the server. */
  initial: T;
  toBody: (values: T) => Record<string, unknown>;
  view: ReactNode;
  renderFields: (props: SectionFieldsProps<T>) => ReactNode;
}

/**
 * A section of the file shown read-only, edited in place by those the server allows (`can.*`).
 * A refused save keeps what was typed; a version conflict offers to reload the file and keeps it too.
 */
export function EditableSection<T extends object>(props: EditableSectionProps<T>) {
  const { id, title, section, usagerId, version, canEdit, initial, toBody, view, renderFields } = props;
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<T>(initial);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [reloaded, setReloaded] = useState(false);
  const mutation = useUpdateUsager(usagerId);
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const errors = { ...serverFieldErrors(mutation.error, section), ...clientErrors };
  const focusError = useFocusFirstError(formRef, Object.keys(errors).length);
  const isConflict = isApiError(mutation.error) && mutation.error.code === 'version_conflict';

  useEffect(() => {
    if (editing) formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    else if (wasEditing.current) editButtonRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const handleEdit = () => {
    setValues(initial);
    setClientErrors({});
    setReloaded(false);
    mutation.reset();
    setEditing(true);
  };

  const handleCancel = () => {
    mutation.reset();
    setClientErrors({});
    setEditing(false);
  };

  const handleReload = async () => {
    await queryClient.invalidateQueries({ queryKey: usagerQueryKey(usagerId), exact: true });
    mutation.reset();
    setReloaded(true);
  };

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = toBody(values);
    const parsed = UpdateUsagerInput.safeParse({ [section]: body });
    if (!parsed.success) {
      setClientErrors(stripPrefix(issuesToFields(parsed.error.issues), section));
      focusError.request();
      return;
    }
    setClientErrors({});
    mutation.mutate(
      { version, [section]: body },
      { onSuccess: () => setEditing(false), onError: () => focusError.request() },
    );
  };

  const headingId = `${id}-titre`;
  return (
    <section aria-labelledby={headingId} className="fr-mb-5w">
      <div className="fr-grid-row fr-grid-row--middle fr-mb-2w">
        <h2 id={headingId} className="fr-h4 fr-col fr-mb-0">
          {title}
        </h2>
        {canEdit && !editing ? (
          <Button
            ref={editButtonRef}
            priority="secondary"
            size="small"
            iconId="fr-icon-edit-line"
            onClick={handleEdit}
            nativeButtonProps={{ 'aria-label': `Modifier : ${title}` }}
          >
            Modifier
          </Button>
        ) : null}
      </div>
      {editing ? (
        <form ref={formRef} onSubmit={handleSubmit} onKeyDown={submitOnEnter} noValidate aria-labelledby={headingId}>
          {renderFields({ values, onChange: (patch) => setValues((v) => ({ ...v, ...patch })), errors })}
          {isConflict ? (
            <ErrorAlert error={mutation.error} title="Modification concurrente">
              <br />
              <Button
                priority="secondary"
                size="small"
                iconId="fr-icon-refresh-line"
                onClick={handleReload}
                className="fr-mt-1w"
              >
                Recharger le dossier
              </Button>
            </ErrorAlert>
          ) : (
            <ErrorAlert error={mutation.error} title="Modification non enregistrée" />
          )}
          {reloaded ? (
            <p className="fr-info-text fr-mb-2w" role="status">
              Dossier rechargé : vos saisies sont conservées, enregistrez pour les appliquer à la dernière version.
            </p>
          ) : null}
          <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
            <Button type="submit" iconId="fr-icon-save-line" disabled={mutation.isPending}>
              Enregistrer
            </Button>
            <Button type="button" priority="secondary" onClick={handleCancel}>
              Annuler
            </Button>
          </div>
        </form>
      ) : (
        view
      )}
    </section>
  );
}
