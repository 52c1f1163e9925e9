import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { ApolloProvider } from '@apollo/client/react';
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createApolloClient } from './app/apollo-client';
import { ConnectionBanner } from './app/connection-banner';
import { createAdminRouter } from './app/router';

const theme = createTheme({ primaryColor: 'indigo' });
const router = createAdminRouter();
// A dead session also drops cached data, so the next user never sees it.
const client = createApolloClient(() => void client.clearStore());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <ConnectionBanner />
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </MantineProvider>
  </StrictMode>,
);
