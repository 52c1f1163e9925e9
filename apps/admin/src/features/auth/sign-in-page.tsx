import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { saveSession } from '../../app/auth-session';
import { LoginMutation } from './login.graphql';

/** Why the user landed here, from the query string set by the shell or the Apollo error link. */
function reasonMessage(params: URLSearchParams): string | null {
  if (params.get('expired') === '1') return 'Your session has expired. Sign in again to continue.';
  if (params.get('signedOut') === '1') return 'You are signed out.';
  if (params.get('from')) return 'Sign in to continue.';
  return null;
}

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [login, { loading }] = useMutation(LoginMutation);
  const reason = reasonMessage(params);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    try {
      const { data } = await login({ variables: { email: email.trim(), password } });
      if (!data) return;
      saveSession(data.login.accessToken, data.login.expiresAt);
      const from = params.get('from');
      // `/` lands each user on their home screen (analysts: Insights), once the shell has their rules.
      navigate(from && from.startsWith('/') && !from.startsWith('//') ? from : '/', { replace: true });
    } catch (error) {
      setFailure(CombinedGraphQLErrors.is(error) ? error.errors[0]!.message : 'The API cannot be reached. Try again in a moment.');
    }
  }

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={380}>
        <form onSubmit={submit}>
          <Stack>
            <div>
              <Title order={2}>Pivot</Title>
              <Text c="dimmed" size="sm">
                Sign in to manage your brand's pages.
              </Text>
            </div>
            {reason && (
              <Alert color="yellow" role="status">
                {reason}
              </Alert>
            )}
            {failure && (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            <TextInput label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={loading}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
