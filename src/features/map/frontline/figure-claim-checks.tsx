import { useEffect, useMemo, useState } from 'react';
import checksJson from '@data/checks.json';
import { checksForFigure, evaluateCheck, parseChecks, type CheckResult } from '../../../model/frontline/checks';
import type { Figure } from '../../../model/dataset/schema';
import { ClaimCheck, ClaimCheckNote } from './claim-check';
import { loadDailySeries, loadMonthlyGains } from '../../../model/frontline/frontline-data';

interface FigureClaimChecksProps {
  figureId: string;
  /** The merged dataset's figures (the check reads the figure's stated value from here). */
  figures: readonly Figure[];
  headingLevel?: 2 | 3 | 4;
  /** `full` (the figure's detail: values, dates, caveats, tolerance) or `note` (one line, for a card or a slide). */
  variant?: 'full' | 'note';
}

type State = { status: 'loading' } | { status: 'ready'; results: CheckResult[] } | { status: 'error'; message: string };

/**
 * Every "Check against the map" of one figure (data/checks.json), or nothing when the figure has none.
 * Fetches the front-line series only for a figure that has a check.
 */
export function FigureClaimChecks({ figureId, figures, headingLevel = 3, variant = 'full' }: FigureClaimChecksProps) {
  const checks = useMemo(() => checksForFigure(parseChecks(checksJson, figures), figureId), [figures, figureId]);
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    if (checks.length === 0) return;
    let live = true;
    Promise.all([loadDailySeries(), loadMonthlyGains()])
      .then(([daily, gains]) => checks.map((check) => evaluateCheck(check, { figures, daily, gains })))
      .then(
        (results) => live && setState({ status: 'ready', results }),
        (error: unknown) =>
          live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      live = false;
    };
  }, [checks, figures]);

  if (checks.length === 0) return null;
  if (state.status === 'loading') return <p role="status">Checking against the map…</p>;
  if (variant === 'note') {
    return (
      <>
        {state.status === 'error' ? (
          <p className="claim-check-note" role="alert">
            Check against the map failed: {state.message}
          </p>
        ) : (
          state.results.map((result) => <ClaimCheckNote key={result.checkId} result={result} />)
        )}
      </>
    );
  }
  if (state.status === 'error') return <p role="alert">The check against the map failed: {state.message}</p>;
  return (
    <>
      {state.results.map((result) => (
        <ClaimCheck key={result.checkId} result={result} headingLevel={headingLevel} />
      ))}
    </>
  );
}
