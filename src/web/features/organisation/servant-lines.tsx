import { useT } from '../../app/i18n.tsx';
import type { BuildingServants } from './api.ts';

type Servant = { name: string; phone: string | null };

function Line({
  role,
  servant,
  call,
}: {
  role: string;
  servant: Servant | null | undefined;
  call?: boolean;
}) {
  const t = useT();
  return (
    <div className="ww-org-line">
      <span className="ww-org-line-role">{role}</span>
      <span className="ww-org-line-name">{servant?.name ?? t('organisation.vacant')}</span>
      <span className="ww-org-line-phone">
        {servant?.phone ? (
          call ? (
            <a href={`tel:${servant.phone}`} aria-label={`${t('organisation.call')} ${servant.name}`}>
              {servant.phone}
            </a>
          ) : (
            servant.phone
          )
        ) : servant ? (
          <span className="ww-org-muted">{t('organisation.phoneHidden')}</span>
        ) : null}
      </span>
    </div>
  );
}

/**
 * Who serves a building, one line each: the building leader (and, for a household's card, its unit's leader), the
 * grid's workers, the branch secretary, the party group's leader. `unitNumber` picks the unit leader of a card.
 */
export function ServantLines({
  served,
  unitNumber,
  call = false,
}: {
  served: BuildingServants;
  unitNumber?: number;
  call?: boolean;
}) {
  const t = useT();
  const buildingLeaders = served.leaders.filter((l) => l.unitNumber === null);
  const unitLeaders = served.leaders.filter(
    (l) => l.unitNumber !== null && (unitNumber === undefined || l.unitNumber === unitNumber),
  );
  return (
    <div className="ww-org-lines">
      {(buildingLeaders.length ? buildingLeaders : [null]).map((l, i) => (
        <Line key={`b${i}`} role={t('organisation.buildingLeader')} servant={l} call={call} />
      ))}
      {unitLeaders.map((l, i) => (
        <Line
          key={`u${i}`}
          role={t('organisation.unitLeader', { unit: l.unitNumber ?? '' })}
          servant={l}
          call={call}
        />
      ))}
      {(served.workers.length ? served.workers : [null]).map((w, i) => (
        <Line
          key={`w${i}`}
          role={`${t('organisation.gridWorker')}${w?.employment === 'part_time' ? t('organisation.partTime') : ''}`}
          servant={w}
          call={call}
        />
      ))}
      <Line role={t('organisation.branchSecretary')} servant={served.branch?.secretary} call={call} />
      {served.group && (
        <Line role={t('organisation.groupLeader')} servant={served.group.secretary} call={call} />
      )}
    </div>
  );
}
