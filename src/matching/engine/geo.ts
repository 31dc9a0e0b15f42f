/** Distances on the scale of a municipality: the equirectangular approximation is well under 0.1 % off at 15 km. */
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_KM;
const RAD = Math.PI / 180;

/** From a user's home (first point) to a contact's; the longitude scale is taken at the user's latitude. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  return distanceFromKm(lat1, lon1, longitudeScale(lat1), lat2, lon2);
}

export function longitudeScale(lat: number): number {
  return Math.cos(lat * RAD);
}

/** `distanceKm` with the first point's `longitudeScale` computed once, for loops over many contacts. */
export function distanceFromKm(
  lat1: number,
  lon1: number,
  lonScale1: number,
  lat2: number,
  lon2: number,
): number {
  const x = (lon2 - lon1) * lonScale1;
  const y = lat2 - lat1;
  return Math.sqrt(x * x + y * y) * KM_PER_DEGREE;
}

export interface DegreeBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** A lon/lat box that surely contains the circle of `radiusKm` around the point (not across the poles or ±180°). */
export function boxAround(lat: number, lon: number, radiusKm: number, out: DegreeBox): DegreeBox {
  const dLat = radiusKm / KM_PER_DEGREE;
  // Widest longitude span is at the latitude nearest a pole inside the box.
  const worstLat = Math.min(89.9, Math.abs(lat) + dLat);
  const dLon = radiusKm / (KM_PER_DEGREE * Math.cos(worstLat * RAD));
  out.minLat = lat - dLat;
  out.maxLat = lat + dLat;
  out.minLon = lon - dLon;
  out.maxLon = lon + dLon;
  return out;
}
