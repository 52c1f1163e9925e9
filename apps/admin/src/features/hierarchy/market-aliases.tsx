import { useMutation } from '@apollo/client/react';
import { ActionIcon, Badge, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { countryName, isCountryCode } from '@pivot/domain';
import { useState, type FormEvent } from 'react';
import { apiErrorsOf } from '../../shared/api-field-errors';
import { BrandTreeQuery } from './brand-tree.graphql';
import type { BrandPage } from './page-tree-model';
import { SetMarketAliasMutation } from './set-market-alias.graphql';

interface Props {
  brandId: string;
  market: BrandPage;
  aliases: readonly { id: string; country: string; network: string; marketPageId: string }[];
  pages: readonly BrandPage[];
  /** False for users who may only look: no remove buttons, no form. */
  editable: boolean;
}

/** The countries this market also serves (LU → FR): add one, or remove one. */
export function MarketAliases({ brandId, market, aliases, pages, editable }: Props) {
  const mine = aliases.filter((alias) => alias.marketPageId === market.id);
  const [country, setCountry] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [setAlias, { loading }] = useMutation(SetMarketAliasMutation, { refetchQueries: [BrandTreeQuery], awaitRefetchQueries: true });

  /** The same checks the API makes, before asking it. */
  function localError(code: string): string | null {
    if (!isCountryCode(code)) return `"${code}" is not an ISO 3166-1 alpha-2 country code`;
    if (code === market.country) return `${code} is this market's own country`;
    const own = pages.find((page) => page.kind === 'MARKET' && page.status === 'ACTIVE' && page.network === market.network && page.country === code);
    if (own) return `${code} has its own market page: ${own.name}`;
    return null;
  }

  async function send(code: string, marketPageId: string | null) {
    try {
      await setAlias({ variables: { input: { brandId, country: code, marketPageId, network: market.network } } });
      notifications.show({ color: 'green', message: marketPageId ? `${code} now served by ${market.name}` : `Alias ${code} removed` });
      return true;
    } catch (failure) {
      const { fields, general } = apiErrorsOf(failure);
      setError([...Object.values(fields).flat(), general].filter(Boolean).join('; '));
      return false;
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const code = country.trim().toUpperCase();
    const problem = localError(code);
    setError(problem);
    if (problem) return;
    if (await send(code, market.id)) setCountry('');
  }

  return (
    <Stack gap="xs">
      <Title order={5}>Countries served by this market</Title>
      {mine.length === 0 && (
        <Text size="sm" c="dimmed">
          None.
        </Text>
      )}
      <Group gap="xs" data-testid="market-aliases">
        {mine.map((alias) => (
          <Badge
            key={alias.id}
            variant="light"
            rightSection={
              editable && (
                <ActionIcon size="xs" variant="transparent" aria-label={`Remove alias ${alias.country}`} onClick={() => void send(alias.country, null)}>
                  ×
                </ActionIcon>
              )
            }
          >
            {alias.country} · {countryName(alias.country)}
          </Badge>
        ))}
      </Group>
      {editable && (
        <form onSubmit={submit}>
          <Group align="flex-start" gap="xs">
            <TextInput
              aria-label="Alias country"
              placeholder="Country code, e.g. LU"
              value={country}
              maxLength={2}
              onChange={(e) => {
                setCountry(e.currentTarget.value);
                setError(null);
              }}
              error={error}
              w={200}
            />
            <Button type="submit" variant="light" loading={loading}>
              Set alias
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
