import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { abilityFromPackedRules } from '@pivot/domain';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Navigate, NavLink as RouterLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ScreenLoader } from '../shared/screen-loader';
import { clearSession } from './auth-session';
import { BrandContext } from './brand-context';
import { AbilityProvider, useAbility } from './ability';
import { homePathFor, visibleAreas } from './navigation';
import { ShellQuery } from './shell.graphql';

const BRAND_KEY = 'pivot.brand';
const BrandPicker = lazy(() => import('./brand-picker'));

/** The frame around every signed-in screen: areas, the user and their brand, sign-out. */
export function AdminShell() {
  const [opened, { toggle }] = useDisclosure();
  const { data, loading, error, refetch } = useQuery(ShellQuery, { fetchPolicy: 'cache-first' });
  const location = useLocation();
  const client = useApolloClient();
  const navigate = useNavigate();
  // Most users have one brand; a platform admin picks one, remembered for the session.
  const [brandSlug, setBrandSlug] = useState(() => sessionStorage.getItem(BRAND_KEY));
  const brand = data?.brands.find((candidate) => candidate.slug === brandSlug) ?? data?.brands[0] ?? null;
  // A new ability whenever the Shell query brings other rules (it is refetched after role changes).
  const packedRules = data?.me.abilities;
  const ability = useMemo(() => abilityFromPackedRules(packedRules), [packedRules]);

  function chooseBrand(slug: string) {
    sessionStorage.setItem(BRAND_KEY, slug);
    setBrandSlug(slug);
    navigate(location.pathname);
  }

  function signOut() {
    sessionStorage.removeItem(BRAND_KEY);
    clearSession('signedOut');
    void client.clearStore();
  }

  return (
    <AbilityProvider value={ability}>
      <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between">
            <Group>
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
              <Title order={3}>Pivot</Title>
              {brand && data && data.brands.length > 1 ? (
                <Suspense fallback={<Badge size="lg">{brand.name}</Badge>}>
                  <BrandPicker brands={data.brands} value={brand.slug} onChange={chooseBrand} />
                </Suspense>
              ) : (
                brand && (
                  <Badge variant="light" size="lg" data-testid="current-brand">
                    {brand.name}
                  </Badge>
                )
              )}
            </Group>
            <Group>
              {data && (
                // On a phone the header has room for the menu, the brand and sign-out only.
                <Stack gap={0} align="flex-end" visibleFrom="sm">
                  <Text size="sm" fw={500} data-testid="current-user">
                    {data.me.displayName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {data.me.email}
                  </Text>
                </Stack>
              )}
              <Button variant="default" size="xs" onClick={signOut}>
                Sign out
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label="Areas">
          {visibleAreas(ability).map((area) => (
            <NavLink
              key={area.path}
              component={RouterLink}
              to={area.path}
              label={area.label}
              active={location.pathname.startsWith(area.path)}
              rightSection={area.ready ? undefined : <Badge size="xs" variant="outline" color="gray">coming</Badge>}
            />
          ))}
        </AppShell.Navbar>
        <AppShell.Main>
          {loading && !data ? (
            <ScreenLoader label="Loading your brand…" />
          ) : brand ? (
            <BrandContext.Provider value={brand}>
              <Suspense fallback={<ScreenLoader />}>
                <Outlet />
              </Suspense>
            </BrandContext.Provider>
          ) : error ? (
            <Alert color="red" title="Pivot could not load your account">
              <Stack align="flex-start">
                <Text size="sm">{error.message}</Text>
                <Button size="xs" variant="light" onClick={() => void refetch().catch(() => undefined)}>
                  Try again
                </Button>
              </Stack>
            </Alert>
          ) : (
            <Text>No brand yet: create one through the API first.</Text>
          )}
        </AppShell.Main>
      </AppShell>
    </AbilityProvider>
  );
}

/** `/`: the user's home, decided by their rules (rendered inside the shell, which has them). */
export function HomeRedirect() {
  return <Navigate to={homePathFor(useAbility())} replace />;
}
