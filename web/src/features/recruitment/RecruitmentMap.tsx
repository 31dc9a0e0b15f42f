import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecruitmentProfile, WaitingArea } from './queries';
import './recruitment.css';

const WIDTH = 400;
const HEIGHT = 300;
const PAD = 24;

/**
 * The municipality as plain shapes: a circle per area where users wait (its size the count), and a numbered
 * marker per profile at the centre of the users it serves. No map tiles: nothing is fetched from outside, and
 * the positions are area centres rounded to about a kilometre, never a home.
 */
export function RecruitmentMap({
  areas,
  profiles,
}: {
  areas: WaitingArea[];
  profiles: RecruitmentProfile[];
}) {
  const { t } = useTranslation('recruitment');
  const titleId = useId();
  const descId = useId();
  const points = [...areas, ...profiles];
  if (points.length === 0) return null;
  const lats = points.map((p) => p.latitude);
  const lons = points.map((p) => p.longitude);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const xScale = Math.cos((midLat * Math.PI) / 180);
  const minX = Math.min(...lons) * xScale;
  const maxX = Math.max(...lons) * xScale;
  const minY = Math.min(...lats);
  const maxY = Math.max(...lats);
  const span = Math.max(maxX - minX, maxY - minY, 0.01);
  const scale = Math.min((WIDTH - 2 * PAD) / span, (HEIGHT - 2 * PAD) / span);
  const x = (lon: number) =>
    PAD + (lon * xScale - minX) * scale + (WIDTH - 2 * PAD - (maxX - minX) * scale) / 2;
  const y = (lat: number) => PAD + (maxY - lat) * scale + (HEIGHT - 2 * PAD - (maxY - minY) * scale) / 2;
  const most = Math.max(1, ...areas.map((a) => a.waiting));
  // Profiles for one area share its centre: spread them on a small ring so every number can be read.
  const placed: { x: number; y: number }[] = [];
  const markers = profiles.map((profile) => {
    const at = { x: x(profile.longitude), y: y(profile.latitude) };
    const near = placed.filter((p) => Math.hypot(p.x - at.x, p.y - at.y) < 1).length;
    placed.push(at);
    if (near === 0) return { profile, ...at };
    const angle = (near - 1) * (Math.PI / 3);
    const ring = 22 * (1 + Math.floor((near - 1) / 6));
    return { profile, x: at.x + ring * Math.cos(angle), y: at.y + ring * Math.sin(angle) };
  });
  return (
    <figure className="recruitment-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{t('map.title')}</title>
        <desc id={descId}>{t('map.description', { areas: areas.length, profiles: profiles.length })}</desc>
        <rect x="1" y="1" width={WIDTH - 2} height={HEIGHT - 2} className="recruitment-map__frame" />
        {areas.map((area) => (
          <circle
            key={area.areaKey}
            cx={x(area.longitude)}
            cy={y(area.latitude)}
            r={6 + 14 * Math.sqrt(area.waiting / most)}
            className="recruitment-map__area"
          />
        ))}
        {markers.map(({ profile, x: mx, y: my }) => (
          <g key={profile.key} transform={`translate(${mx} ${my})`}>
            <circle r="10" className="recruitment-map__profile" />
            <text textAnchor="middle" dy="0.35em" className="recruitment-map__label">
              {profile.rank}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>{t('map.legend')}</figcaption>
    </figure>
  );
}
