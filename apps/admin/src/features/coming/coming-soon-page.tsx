import { Alert, Title } from '@mantine/core';
import { useLocation } from 'react-router';
import { AREAS } from '../../app/navigation';

/** Areas whose issue has not landed yet. */
export default function ComingSoonPage() {
  const { pathname } = useLocation();
  const area = AREAS.find((candidate) => pathname.startsWith(candidate.path));
  return (
    <>
      <Title order={2} mb="md">
        {area?.label ?? 'Coming'}
      </Title>
      <Alert color="gray">This area is coming in a later release.</Alert>
    </>
  );
}
