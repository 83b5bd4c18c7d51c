/**
 * The rules that turn a sentence's numbers (`number-candidates.ts`) into figures, in the order they run.
 * Each rule is small, named and tested on real sentences (`number-rules.test.ts`): it fills in a unit,
 * widens the stated words, joins two numbers into a range, or drops a number that is no figure, saying why.
 * Pure: strings in, candidates changed in place.
 */
import { cents, currencySymbol, scaleWord, writtenSign } from './amount-rules';
import { countedNoun, standingAlone } from './counted-rules';
import { needsUnit, notDatesOrNames, notFigures, restatedInBrackets } from './drop-rules';
import { ages, fates } from './people-rules';
import { changes, qualifiers } from './qualifier-rules';
import { fromTo, ranges } from './range-rules';
import type { NumberRule } from './rule-context';
import { pricesAndRates, shareOfGdp, unitWords } from './unit-rules';

/** The rules, in the order they run. */
export const NUMBER_RULES: readonly NumberRule[] = [
  notDatesOrNames,
  currencySymbol,
  writtenSign,
  scaleWord,
  cents,
  unitWords,
  shareOfGdp,
  ages,
  countedNoun,
  ranges,
  fromTo,
  standingAlone,
  pricesAndRates,
  fates,
  restatedInBrackets,
  notFigures,
  qualifiers,
  changes,
  needsUnit,
];
