import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { ActionRefDto } from '@jalon/core';
import { useEffect, useState } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { useAdminRsaActions, useSaveRsaAction } from '../api/rsa-actions';
import { RsaActionForm } from './rsa-action-form';

const byFr = (a: string, b: string) => a.localeCompare(b, 'fr');
const editId = (id: string) => `rsa-action-modifier-${id}`;
const ADD_ID = 'rsa-action-ajouter';

/** theme → its actions, objective then label order. */
function byTheme(items: ActionRefDto[]): [string, ActionRefDto[]][] {
  const groups = new Map<string, ActionRefDto[]>();
  for (const a of items) groups.set(a.theme, [...(groups.get(a.theme) ?? []), a]);
  return [...groups.entries()]
    .sort(([a], [b]) => byFr(a, b))
    .map(([theme, xs]) => [theme, xs.sort((a, b) => byFr(a.objective, b.objective) || byFr(a.label, b.label))]);
}

/**
 * The referential of the plans d'action of the contrats d'engagement (theme → objective → action; docs/api.md,
 * "RSA"): the administrator adds, renames, moves or deactivates an action; the workers' plans offer the active ones.
 */
export function RsaActionsTab() {
  const actions = useAdminRsaActions();
  const toggle = useSaveRsaAction();
  const [panel, setPanel] = useState<{ kind: 'create' } | { kind: 'edit'; action: ActionRefDto } | null>(null);
  // After a form closes, the keyboard focus goes back where it came from (the row's button, or "Ajouter").
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (focusId && !panel) document.getElementById(focusId)?.focus();
  }, [focusId, panel, actions.data]);
  if (actions.error)
    return <ErrorAlert error={actions.error} title="Référentiel des actions indisponible" titleAs="h2" />;
  if (actions.isPending) return <Loading />;
  const items = actions.data.items;
  const close = (savedId?: string) => {
    setFocusId(panel?.kind === 'edit' ? editId(panel.action.id) : savedId ? editId(savedId) : ADD_ID);
    setPanel(null);
  };

  return (
    <>
      <div className="fr-grid-row fr-grid-row--middle fr-mb-2w">
        <h2 className="fr-h4 fr-col fr-mb-0">Référentiel des actions RSA</h2>
        {panel?.kind !== 'create' ? (
          <Button
            size="small"
            iconId="fr-icon-add-line"
            onClick={() => setPanel({ kind: 'create' })}
            nativeButtonProps={{ id: ADD_ID }}
          >
            Ajouter une action
          </Button>
        ) : null}
      </div>
      <p className="fr-text--sm">
        Les actions des plans d’action des contrats d’engagement, rangées par thème puis par objectif. Une action
        désactivée n’est plus proposée aux travailleurs sociaux ; les contrats qui la portent la gardent.
      </p>
      {panel?.kind === 'create' ? <RsaActionForm all={items} onDone={close} /> : null}
      <ErrorAlert error={toggle.error} title="Action non modifiée" />
      {items.length === 0 ? <p className="fr-text--sm">Aucune action dans le référentiel.</p> : null}
      {byTheme(items).map(([theme, xs]) => (
        <section key={theme} aria-label={`Thème ${theme}`} className="fr-mb-4w">
          <h3 className="fr-h5">{theme}</h3>
          <DataTable
            caption={`Actions du thème ${theme}`}
            hideCaption
            headers={['Objectif', 'Action', 'État', 'Actions']}
            rows={xs.map((a) => ({
              key: a.id,
              cells: [
                a.objective,
                a.label,
                a.active ? (
                  <Badge key="b" small noIcon severity="success">
                    Active
                  </Badge>
                ) : (
                  <Badge key="b" small noIcon>
                    Désactivée
                  </Badge>
                ),
                <div key="a" className="fr-btns-group fr-btns-group--inline-sm">
                  <Button
                    priority="tertiary"
                    size="small"
                    onClick={() => setPanel({ kind: 'edit', action: a })}
                    nativeButtonProps={{ id: editId(a.id), 'aria-label': `Modifier l’action ${a.label}` }}
                  >
                    Modifier
                  </Button>
                  <Button
                    priority="tertiary"
                    size="small"
                    disabled={toggle.isPending}
                    onClick={() =>
                      toggle.mutate({
                        id: a.id,
                        body: { theme: a.theme, objective: a.objective, label: a.label, active: !a.active },
                      })
                    }
                    nativeButtonProps={{ 'aria-label': `${a.active ? 'Désactiver' : 'Réactiver'} l’action ${a.label}` }}
                  >
                    {a.active ? 'Désactiver' : 'Réactiver'}
                  </Button>
                </div>,
              ],
            }))}
          />
          {panel?.kind === 'edit' && panel.action.theme === theme ? (
            <RsaActionForm key={panel.action.id} action={panel.action} all={items} onDone={close} />
          ) : null}
        </section>
      ))}
    </>
  );
}
