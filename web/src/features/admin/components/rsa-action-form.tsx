import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { ActionRefInput, type ActionRefDto } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { RequiredFieldsNote } from '../../../components/ui/required-fields-note';
import { issuesToFields, serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useSaveRsaAction } from '../api/rsa-actions';

const uniq = (xs: string[]) => [...new Set(xs)].sort((a, b) => a.localeCompare(b, 'fr'));

/**
 * Adds an action to the referential or edits one (theme → objective → action). The theme and the objective propose
 * the existing ones (a datalist: typed freely, chosen with the arrow keys); an action is made inactive, never deleted.
 */
export function RsaActionForm({
  action,
  all,
  onDone,
}: {
  action?: ActionRefDto;
  all: ActionRefDto[];
  onDone: (savedId?: string) => void;
}) {
  const [theme, setTheme] = useState(action?.theme ?? '');
  const [objective, setObjective] = useState(action?.objective ?? '');
  const [label, setLabel] = useState(action?.label ?? '');
  const [active, setActive] = useState(action?.active ?? true);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const save = useSaveRsaAction();
  const errors = { ...serverFieldErrors(save.error), ...clientErrors };
  const prefix = action ? `rsa-action-${action.id}` : 'rsa-action-new';
  const themes = uniq(all.map((a) => a.theme));
  const objectives = uniq(all.filter((a) => a.theme === theme.trim()).map((a) => a.objective));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = ActionRefInput.safeParse({ theme, objective, label, active });
    if (!parsed.success) {
      setClientErrors(issuesToFields(parsed.error.issues));
      return;
    }
    setClientErrors({});
    save.mutate({ id: action?.id, body: parsed.data }, { onSuccess: (r) => onDone(r.id) });
  };
  const field = (
    name: 'theme' | 'objective' | 'label',
    text: string,
    value: string,
    set: (v: string) => void,
    opts: { list?: string[]; maxLength: number; hint?: string; autoFocus?: boolean },
  ) => (
    <div className="fr-col-12 fr-col-md-4">
      <Input
        label={<span className="jalon-required">{text}</span>}
        hintText={opts.hint}
        state={errors[name] ? 'error' : 'default'}
        stateRelatedMessage={errors[name]}
        nativeInputProps={{
          id: `${prefix}-${name}`,
          name,
          value,
          required: true,
          'aria-required': true,
          'aria-invalid': errors[name] ? true : undefined,
          maxLength: opts.maxLength,
          autoFocus: opts.autoFocus,
          autoComplete: 'off',
          list: opts.list ? `${prefix}-${name}-list` : undefined,
          onChange: (e) => set(e.target.value),
        }}
      />
      {opts.list ? (
        <datalist id={`${prefix}-${name}-list`}>
          {opts.list.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
      ) : null}
    </div>
  );

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby={`${prefix}-titre`}
      className="fr-p-3w fr-mb-4w fr-background-alt--grey"
    >
      <h3 id={`${prefix}-titre`} className="fr-h5">
        {action ? `Modifier l’action « ${action.label} »` : 'Ajouter une action'}
      </h3>
      <RequiredFieldsNote />
      <div className="fr-grid-row fr-grid-row--gutters">
        {field('theme', 'Thème', theme, setTheme, {
          list: themes,
          maxLength: 100,
          hint: 'Un thème existant ou un nouveau',
          autoFocus: true,
        })}
        {field('objective', 'Objectif', objective, setObjective, {
          list: objectives,
          maxLength: 150,
          hint: 'Les objectifs du thème sont proposés',
        })}
        {field('label', 'Action', label, setLabel, { maxLength: 200 })}
      </div>
      {action ? (
        <CheckboxField
          name="active"
          id={`${prefix}-active`}
          label="Action active"
          hint="Une action inactive n’est plus proposée dans les plans d’action ; les contrats qui la portent la gardent."
          checked={active}
          onChange={setActive}
        />
      ) : null}
      <ErrorAlert error={save.error} title={action ? 'Action non modifiée' : 'Action non ajoutée'} />
      <div className="fr-btns-group fr-btns-group--inline-sm">
        <Button type="submit" disabled={save.isPending}>
          {action ? 'Enregistrer l’action' : 'Ajouter l’action'}
        </Button>
        <Button type="button" priority="secondary" onClick={() => onDone()}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
