import { useMemo } from 'react';
import { phoneRegion, phoneText } from '../../../shared/phones';
import { useQuery } from '../../api/hooks';

/** Stored E.164 numbers as people read them: national format in the facility's country. */
export function usePhoneText(): (stored: string) => string {
  const summary = useQuery('home.summary', {});
  const country = summary.data?.facility.country ?? '';
  return useMemo(() => {
    const region = phoneRegion(country);
    return (stored: string) => phoneText(stored, region);
  }, [country]);
}
