import { Input } from '@codegouvfr/react-dsfr/Input';
import { useNoteLint } from '../hooks/use-note-lint';
import { LINT_CATEGORIES, NOTE_VISIBILITY_BANNER, type LintFlag } from '../lint';

interface NoteFieldProps {
  /** Prefix of the ids, so that two forms on a page never share one. */
  idPrefix: string;
  value: string;
  onChange: (value: string) => void;
  confirmed: boolean;
  onConfirmedChange: (value: boolean) => void;
  /** The server refused the wording (422 note_flagged): the confirmation is shown even without a local flag. */
  serverFlagMessage?: string;
  /** The form was submitted with flags and no confirmation. */
  confirmError?: string;
  error?: string;
}

const CONTEXT = 25;

/** The flagged words with a little of the text around them. */
function Excerpt({ text, flag }: { text: string; flag: LintFlag }) {
  const before = text.slice(Math.max(0, flag.start - CONTEXT), flag.start);
  const after = text.slice(flag.end, flag.end + CONTEXT);
  return (
    <q>
      {flag.start > CONTEXT ? '…' : ''}
      {before}
      <mark>{text.slice(flag.start, flag.end)}</mark>
      {after}
      {flag.end + CONTEXT < text.length ? '…' : ''}
    </q>
  );
}

/**
 * The free-text note: the banner reminds that the usager may read it (RGPD art. 15); the linter flags, while typing,
 * wording that reveals sensitive data or judges the person, with why and what to write instead.
 */
export function NoteField(props: NoteFieldProps) {
  const { idPrefix, value, onChange, confirmed, onConfirmedChange, serverFlagMessage, confirmError, error } = props;
  const { flags, text } = useNoteLint(value);
  const id = `${idPrefix}-note`;
  const flagsId = `${id}-flags`;
  const bannerId = `${id}-banner`;
  const needsConfirmation = flags.length > 0 || Boolean(serverFlagMessage);
  const count = flags.length;

  return (
    <div className="fr-mb-3w">
      <div id={bannerId} className="fr-notice fr-notice--info jalon-note-banner fr-mb-1w">
        <div className="fr-notice__body">
          <p className="fr-notice__title">{NOTE_VISIBILITY_BANNER}</p>
        </div>
      </div>
      <Input
        label="Note"
        hintText="Facultative. Des faits datés, sans jugement ni donnée de santé, d’origine ou de conviction."
        state={error ? 'error' : 'default'}
        stateRelatedMessage={error}
        textArea
        nativeTextAreaProps={{
          id,
          name: 'note',
          value,
          rows: 5,
          maxLength: 20_000,
          'aria-describedby': `${bannerId} ${flagsId}`,
          'aria-invalid': error ? true : undefined,
          onChange: (e) => onChange(e.target.value),
        }}
      />
      <div id={flagsId} aria-live="polite">
        {count > 0 ? (
          <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w jalon-lint">
            <p className="fr-text--bold fr-mb-1w">
              {count} formulation{count > 1 ? 's' : ''} à revoir
            </p>
            <ul className="fr-mb-0">
              {flags.map((f) => (
                <li key={`${f.start}-${f.end}-${f.category}`} className="fr-mb-1w">
                  <Excerpt text={text} flag={f} /> — <strong>{LINT_CATEGORIES[f.category]}</strong>
                  <br />
                  <span>{f.message}</span>
                  <br />
                  <span>
                    <strong>Suggestion :</strong> {f.suggestion}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {serverFlagMessage && count === 0 ? (
          <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
            <p>{serverFlagMessage}</p>
          </div>
        ) : null}
      </div>
      {needsConfirmation ? (
        <div className={`fr-checkbox-group${confirmError ? ' fr-checkbox-group--error' : ''}`}>
          <input
            type="checkbox"
            id={`${id}-confirm`}
            name="confirmFlags"
            checked={confirmed}
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? `${id}-confirm-error` : undefined}
            onChange={(e) => onConfirmedChange(e.target.checked)}
          />
          <label className="fr-label" htmlFor={`${id}-confirm`}>
            Je confirme cette formulation
            <span className="fr-hint-text">
              Après relecture, ces mots sont nécessaires au suivi et l’usager peut les lire.
            </span>
          </label>
          {confirmError ? (
            <p id={`${id}-confirm-error`} className="fr-error-text">
              {confirmError}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
