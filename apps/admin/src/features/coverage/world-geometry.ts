import { countryByNumericCode } from '@pivot/domain';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

export interface CountryShape {
  /** ISO alpha-2, or null for a shape without an ISO code (N. Cyprus, Somaliland). */
  country: string | null;
  name: string;
  path: string;
}

/** world-atlas keys shapes by ISO numeric code; Kosovo has none there, only its name. */
const BY_NAME: Record<string, string> = { Kosovo: 'XK' };

let shapes: CountryShape[] | null = null;

/** Projected once per session: the geometry never changes, only the colours do. */
export function countryShapes(): CountryShape[] {
  if (shapes) return shapes;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    collection,
  );
  const path = geoPath(projection);
  shapes = collection.features
    .filter((shape) => shape.properties?.name !== 'Antarctica')
    .map((shape) => {
      const name = shape.properties?.name ?? '';
      const country = shape.id !== undefined ? (countryByNumericCode(String(shape.id))?.code ?? null) : (BY_NAME[name] ?? null);
      return { country, name, path: path(shape) ?? '' };
    });
  return shapes;
}
