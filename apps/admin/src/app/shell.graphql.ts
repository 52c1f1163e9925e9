import { graphql } from '../gql';

export const ShellQuery = graphql(`
  query Shell {
    me {
      id
      displayName
      email
      abilities
    }
    brands {
      id
      slug
      name
    }
  }
`);
