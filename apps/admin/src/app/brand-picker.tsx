import { Select } from '@mantine/core';

interface Props {
  brands: readonly { slug: string; name: string }[];
  value: string;
  onChange: (slug: string) => void;
}

/** Only users with several brands (platform admins) see it: loaded lazily, so Select stays out of the first download. */
export default function BrandPicker({ brands, value, onChange }: Props) {
  return (
    <Select
      aria-label="Brand"
      data-testid="current-brand"
      data={brands.map((brand) => ({ value: brand.slug, label: brand.name }))}
      value={value}
      onChange={(slug) => slug && onChange(slug)}
      allowDeselect={false}
      w={200}
    />
  );
}
