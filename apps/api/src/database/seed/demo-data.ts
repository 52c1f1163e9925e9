import type { Role } from '@pivot/domain';

/**
 * The demo brand, Northwind on facebook: a global page, three regions and 47 markets, most
 * with the four audience pages. Shapes the cases the pivot must get right: FR with every
 * segment, DE without a developer page, BE / CA / CH with language variants, LU / AT / MC
 * aliased, one archived market (EG), countries served only by their region.
 */
export interface DemoMarket {
  country: string;
  region: 'EMEA' | 'AMER' | 'APAC';
  /** One entry per variant page; the first is the default variant. */
  variants: { languages: string[]; name: string; suffix: string }[];
  segments: string[];
  archived?: boolean;
}

const ALL = ['consumer', 'business', 'developer', 'student'];
const NO_DEV = ['consumer', 'business', 'student'];
const CONSUMER_BUSINESS = ['consumer', 'business'];

const single = (country: string, region: DemoMarket['region'], language: string, localName: string, segments = ALL): DemoMarket => ({
  country,
  region,
  variants: [{ languages: [language], name: `Northwind ${localName}`, suffix: country.toLowerCase() }],
  segments,
});

export const DEMO_MARKETS: DemoMarket[] = [
  single('FR', 'EMEA', 'fr', 'France'),
  single('DE', 'EMEA', 'de', 'Deutschland', NO_DEV),
  {
    country: 'BE',
    region: 'EMEA',
    variants: [
      { languages: ['nl'], name: 'Northwind België', suffix: 'be.nl' },
      { languages: ['fr'], name: 'Northwind Belgique', suffix: 'be.fr' },
    ],
    segments: CONSUMER_BUSINESS,
  },
  {
    country: 'CH',
    region: 'EMEA',
    variants: [
      { languages: ['de'], name: 'Northwind Schweiz', suffix: 'ch.de' },
      { languages: ['fr'], name: 'Northwind Suisse', suffix: 'ch.fr' },
      { languages: ['it'], name: 'Northwind Svizzera', suffix: 'ch.it' },
    ],
    segments: CONSUMER_BUSINESS,
  },
  single('ES', 'EMEA', 'es', 'España'),
  single('IT', 'EMEA', 'it', 'Italia'),
  single('GB', 'EMEA', 'en-GB', 'UK'),
  single('NL', 'EMEA', 'nl', 'Nederland'),
  single('SE', 'EMEA', 'sv', 'Sverige'),
  single('NO', 'EMEA', 'nb', 'Norge'),
  single('DK', 'EMEA', 'da', 'Danmark'),
  single('FI', 'EMEA', 'fi', 'Suomi'),
  single('PL', 'EMEA', 'pl', 'Polska'),
  single('PT', 'EMEA', 'pt-PT', 'Portugal'),
  single('IE', 'EMEA', 'en-IE', 'Ireland'),
  single('GR', 'EMEA', 'el', 'Ελλάδα', CONSUMER_BUSINESS),
  single('CZ', 'EMEA', 'cs', 'Česko'),
  single('HU', 'EMEA', 'hu', 'Magyarország'),
  single('RO', 'EMEA', 'ro', 'România'),
  single('TR', 'EMEA', 'tr', 'Türkiye'),
  single('AE', 'EMEA', 'ar', 'الإمارات', CONSUMER_BUSINESS),
  single('SA', 'EMEA', 'ar', 'السعودية', CONSUMER_BUSINESS),
  single('IL', 'EMEA', 'he', 'ישראל'),
  single('ZA', 'EMEA', 'en-ZA', 'South Africa'),
  single('NG', 'EMEA', 'en-NG', 'Nigeria'),
  single('KE', 'EMEA', 'en-KE', 'Kenya'),
  single('MA', 'EMEA', 'fr', 'Maroc'),
  { ...single('EG', 'EMEA', 'ar', 'مصر', []), archived: true },
  {
    country: 'CA',
    region: 'AMER',
    variants: [
      { languages: ['en-CA'], name: 'Northwind Canada', suffix: 'ca.en' },
      { languages: ['fr-CA'], name: 'Northwind Canada (français)', suffix: 'ca.fr' },
    ],
    segments: ALL,
  },
  single('US', 'AMER', 'en-US', 'US'),
  single('BR', 'AMER', 'pt-BR', 'Brasil'),
  single('MX', 'AMER', 'es-MX', 'México'),
  single('AR', 'AMER', 'es-AR', 'Argentina'),
  single('CL', 'AMER', 'es-CL', 'Chile'),
  single('CO', 'AMER', 'es-CO', 'Colombia'),
  single('PE', 'AMER', 'es-PE', 'Perú', CONSUMER_BUSINESS),
  single('JP', 'APAC', 'ja', '日本'),
  single('IN', 'APAC', 'en-IN', 'India'),
  single('KR', 'APAC', 'ko', '대한민국'),
  single('AU', 'APAC', 'en-AU', 'Australia'),
  single('NZ', 'APAC', 'en-NZ', 'New Zealand'),
  single('SG', 'APAC', 'en-SG', 'Singapore'),
  single('ID', 'APAC', 'id', 'Indonesia'),
  single('TH', 'APAC', 'th', 'ประเทศไทย'),
  single('VN', 'APAC', 'vi', 'Việt Nam'),
  single('PH', 'APAC', 'en-PH', 'Philippines'),
  single('MY', 'APAC', 'ms', 'Malaysia'),
];

export const DEMO_ALIASES: Record<string, string> = { LU: 'FR', AT: 'DE', MC: 'FR' };

export const DEMO_PASSWORD = 'pivot-demo';

/** `scope`: a market country, a region code, GLOBAL, or null for the platform. */
export const DEMO_USERS: { email: string; displayName: string; label: string; role: Role; scope: string | null }[] = [
  { email: 'admin@northwind.example', displayName: 'Ada Admin', label: 'brand admin (global page)', role: 'BRAND_ADMIN', scope: 'GLOBAL' },
  { email: 'fr.manager@northwind.example', displayName: 'Fleur Manager', label: 'market manager, FR', role: 'MARKET_MANAGER', scope: 'FR' },
  { email: 'es.manager@northwind.example', displayName: 'Elena Manager', label: 'market manager, ES', role: 'MARKET_MANAGER', scope: 'ES' },
  { email: 'fr.publisher@northwind.example', displayName: 'Félix Publisher', label: 'publisher, FR', role: 'PUBLISHER', scope: 'FR' },
  { email: 'fr.moderator@northwind.example', displayName: 'Margot Moderator', label: 'moderator, FR', role: 'MODERATOR', scope: 'FR' },
  { email: 'analyst@northwind.example', displayName: 'Ana Analyst', label: 'analyst, EMEA', role: 'ANALYST', scope: 'EMEA' },
  { email: 'fr.analyst@northwind.example', displayName: 'Fabien Analyst', label: 'analyst, FR', role: 'ANALYST', scope: 'FR' },
  { email: 'platform@pivot.example', displayName: 'Pat Platform', label: 'platform admin (every brand)', role: 'PLATFORM_ADMIN', scope: null },
];

export const SEGMENT_LABELS: Record<string, string> = {
  consumer: 'Consumers',
  business: 'Business',
  developer: 'Developers',
  student: 'Students',
};
