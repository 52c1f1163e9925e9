import { graphql } from '../../gql';

export const ArchivePageMutation = graphql(`
  mutation ArchivePage($id: ID!) {
    archivePage(id: $id) {
      id
      status
      version
    }
  }
`);

export const RestorePageMutation = graphql(`
  mutation RestorePage($id: ID!) {
    restorePage(id: $id) {
      id
      status
      version
    }
  }
`);
