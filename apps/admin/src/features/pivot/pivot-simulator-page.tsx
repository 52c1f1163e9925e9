import { useLazyQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Group, List, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { allCountries } from '@pivot/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useCurrentBrand } from '../../app/brand-context';
import { networksOf } from '../hierarchy/page-tree-model';
import { useBrandTree } from '../hierarchy/use-brand-tree';
import { PivotPreviewQuery } from './pivot-preview.graphql';

/** "Where would this visitor land?" answered by the API's own pivot (the public endpoint's snapshot and rules). */
export default function PivotSimulatorPage() {
  const brand = useCurrentBrand();
  const tree = useBrandTree();
  const [country, setCountry] = useState<string | null>(null);
  const [lang, setLang] = useState('');
  const [segment, setSegment] = useState<string | null>(null);
  const [network, setNetwork] = useState<string | null>(null);
  const [preview, { data, loading, error }] = useLazyQuery(PivotPreviewQuery, { fetchPolicy: 'network-only' });

  const countries = useMemo(() => allCountries().map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` })), []);
  const audiences = tree.data?.brand.audiences ?? [];
  const networks = tree.data ? networksOf(tree.data.brand.pages, tree.data.brand.defaultNetwork) : [];

  function run(event: FormEvent) {
    event.preventDefault();
    void preview({
      variables: {
        brandSlug: brand.slug,
        country: country ?? null,
        lang: lang.trim() || null,
        segment: segment ?? null,
        network: network ?? null,
      },
    }).catch(() => undefined);
  }

  const result = data?.pivotPreview;
  return (
    <Stack>
      <Title order={2}>Pivot simulator</Title>
      <Text c="dimmed" size="sm">
        Pick what a visitor brings (country, language or a whole Accept-Language header, segment) and see the page the public pivot
        sends them to, with every decision it made.
      </Text>
      <Paper withBorder p="md" radius="md">
        <form onSubmit={run}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Select label="Country" placeholder="Any (global)" searchable clearable data={countries} value={country} onChange={setCountry} />
            <TextInput label="Language" placeholder="fr, or fr-CH,fr;q=0.9,en;q=0.8" value={lang} onChange={(e) => setLang(e.currentTarget.value)} />
            <Select label="Segment" placeholder="None" clearable data={audiences} value={segment} onChange={setSegment} />
            <Select label="Network" placeholder={tree.data?.brand.defaultNetwork ?? 'Default'} clearable data={networks} value={network} onChange={setNetwork} />
          </SimpleGrid>
          <Group justify="flex-end" mt="md">
            <Button type="submit" loading={loading}>
              Simulate
            </Button>
          </Group>
        </form>
      </Paper>
      {error && <Alert color="red">{error.message}</Alert>}
      {result && (
        <Paper withBorder p="md" radius="md" data-testid="pivot-result">
          <Stack gap="xs">
            <Group>
              <Title order={4} data-testid="resolved-page">
                {result.target.name}
              </Title>
              <Badge variant="light">{result.target.kind}</Badge>
              {result.target.country && <Badge variant="outline">{result.target.country}</Badge>}
              {result.target.segment && <Badge color="orange" variant="light">{result.target.segment}</Badge>}
            </Group>
            <Group gap="md">
              <Anchor href={result.target.url} target="_blank" rel="noreferrer" size="sm">
                {result.target.url}
              </Anchor>
              <Anchor component={Link} to={`/pages?page=${result.target.id}`} size="sm">
                Open in the tree
              </Anchor>
            </Group>
            <Title order={5} mt="sm">
              Trail
            </Title>
            <List type="ordered" data-testid="pivot-trail">
              {result.trail.map((line, index) => (
                <List.Item key={index}>{line}</List.Item>
              ))}
            </List>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
