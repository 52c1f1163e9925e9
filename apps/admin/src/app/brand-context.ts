import { createContext, useContext } from 'react';

export interface CurrentBrand {
  id: string;
  slug: string;
  name: string;
}

export const BrandContext = createContext<CurrentBrand | null>(null);

/** The brand the signed-in user works on; only rendered inside the shell, which provides it. */
export function useCurrentBrand(): CurrentBrand {
  const brand = useContext(BrandContext);
  if (!brand) throw new Error('useCurrentBrand outside the app shell');
  return brand;
}
