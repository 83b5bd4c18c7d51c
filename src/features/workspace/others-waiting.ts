import { plural } from '../../model/format/format';

/** "2 changes of another account wait for it to sign in": what this browser keeps for someone else. */
export const othersWaitingWords = (n: number): string =>
  `${plural(n, 'change')} of another account ${n === 1 ? 'waits' : 'wait'} for it to sign in`;
