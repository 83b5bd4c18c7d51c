import { useId } from 'react';
import type { Agreement, CheckResult, ComputedValue, ResultUnit } from '../../../model/frontline/checks';
import { formatDate } from '../../../model/format/format';
import './frontline.css';

const UNIT_WORDS: Record<ResultUnit, string> = {
  'square-miles': 'sq mi',
  km2: 'km²',
  percent: '%',
  'percentage-points': 'percentage points',
};

const VERDICT: Record<Agreement, string> = {
  agrees: 'Agrees with the map',
  close: 'Close to the map',
  disagrees: 'Disagrees with the map',
};

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function amount(value: number, unit: ResultUnit): string {
  const sign = value < 0 ? '−' : '';
  return `${sign}${number.format(Math.abs(value))}${unit === 'percent' ? ' %' : ` ${UNIT_WORDS[unit]}`}`;
}

function when(v: ComputedValue): string {
  if (v.date) return formatDate(v.date);
  if (v.from && v.to) return `${formatDate(v.from)} – ${formatDate(v.to)}`;
  return '';
}

/** The claim's own amount in its unit ("about 20 %", "−40 sq mi"), never adjusted. */
function claimAmountOf(claim: CheckResult['claim']): string {
  const claimUnit = claim.unit === 'square-miles' ? 'sq mi' : claim.unit === 'percent' ? '%' : claim.unit;
  return claim.value !== undefined
    ? `${claim.value < 0 ? '−' : ''}${number.format(Math.abs(claim.value))}${claimUnit === '%' ? ' %' : ` ${claimUnit}`}`
    : `${number.format(claim.low ?? 0)}–${number.format(claim.high ?? 0)} ${claimUnit}`;
}

/** A change in words, never with a minus sign: "21.3 sq mi fewer", "5 sq mi more". */
function changeWords(value: number, unit: ResultUnit): string {
  return `${amount(Math.abs(value), unit)} ${value < 0 ? 'fewer' : 'more'}`;
}

/**
 * The verdict in one sentence: what the map gives, what the claim says, and how far apart they are. A claim about
 * a change ("40 fewer square miles") is said as one, in words, not as a negative number.
 */
function verdictLine(result: CheckResult): string {
  const { claim } = result;
  const qualifier = claim.qualifier === 'exact' ? '' : `${claim.qualifier} `;
  const isChange = (claim.value ?? 0) < 0 || result.computed.value < 0;
  const mapSays = isChange
    ? changeWords(result.computed.value, result.computed.unit)
    : amount(result.computed.value, result.computed.unit);
  const claimSays =
    isChange && claim.value !== undefined
      ? `${qualifier}${changeWords(claim.value, result.computed.unit)}`
      : `${qualifier}${claimAmountOf(claim)}`;
  return (
    `${VERDICT[result.agree]}: the map gives ${mapSays}; the claim is ${claimSays} ` +
    `(${amount(Math.abs(result.difference.value), result.difference.unit)} apart).`
  );
}

/** "Check against the map" in one line, for a figure's card and its slide; the detail has the full check. */
export function ClaimCheckNote({ result }: { result: CheckResult }) {
  return (
    <p className={`claim-check-note claim-check-note--${result.agree}`} data-check-id={result.checkId}>
      <strong>Check against the map.</strong> {verdictLine(result)} <span>{result.attribution}.</span>
    </p>
  );
}

interface ClaimCheckProps {
  result: CheckResult;
  /** Heading level of "Check against the map" (default 3). */
  headingLevel?: 2 | 3 | 4;
}

/**
 * "Check against the map": a figure's stated value beside what DeepState's geometry gives, with the dates
 * used, the difference, the verdict and its tolerance. Presentational: `evaluateCheck` computed everything.
 */
export function ClaimCheck({ result, headingLevel = 3 }: ClaimCheckProps) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const { claim } = result;
  const claimAmount = claimAmountOf(claim);
  return (
    <section
      className={`claim-check claim-check--${result.agree}`}
      aria-labelledby={headingId}
      data-check-id={result.checkId}
    >
      <Heading id={headingId} className="claim-check__title">
        Check against the map
      </Heading>
      <p className="claim-check__verdict">{verdictLine(result)}</p>
      <p className="claim-check__sentence">{result.sentence}</p>
      <dl className="claim-check__values">
        <div className="claim-check__row">
          <dt>
            Claim ({claim.claimant}): “{claim.stated}”
          </dt>
          <dd>{claimAmount}</dd>
        </div>
        {result.values.map((v) => (
          <div key={v.id} className="claim-check__row">
            <dt>
              {v.label}
              {when(v) ? `, ${when(v)}` : ''}
            </dt>
            <dd>
              {amount(v.value, v.unit)}
              {v.km2 !== undefined && v.unit !== 'km2' ? ` (${amount(v.km2, 'km2')})` : ''}
            </dd>
          </div>
        ))}
      </dl>
      <ul className="claim-check__caveats">
        {result.caveats.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <p className="claim-check__tolerance">
        Agrees within {number.format(result.tolerance.agrees)}, close within {number.format(result.tolerance.close)}{' '}
        {result.tolerance.unit.replace(/-/g, ' ')}. {result.tolerance.why}
      </p>
      <p className="claim-check__source">{result.attribution}.</p>
    </section>
  );
}
