import { useEffect, useState } from 'react';
import type { DailyEntry, MonthlyGains } from '../../../model/frontline/frontline';
import { loadDailySeries, loadMonthlyGains } from '../../../model/frontline/frontline-data';

export type FrontlineSeriesState =
  | { status: 'loading' }
  | { status: 'ready'; daily: DailyEntry[]; gains: MonthlyGains }
  | { status: 'error'; message: string };

/** The daily series and monthly gains, fetched on first use (public/frontline/daily.json, gains.json). */
export function useFrontlineSeries(): FrontlineSeriesState {
  const [state, setState] = useState<FrontlineSeriesState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    Promise.all([loadDailySeries(), loadMonthlyGains()]).then(
      ([daily, gains]) => live && setState({ status: 'ready', daily, gains }),
      (error: unknown) =>
        live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
