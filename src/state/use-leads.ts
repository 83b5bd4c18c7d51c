/**
 * The lead figures' pins as the views use them: the analyst's (kept with their data, see user-data.ts), or
 * the default leads until they pin or unpin one. Pin, unpin and "default leads" act on the effective pins.
 */
import { useMemo } from 'react';
import { defaultPins, withoutFigure, withPin, type LeadPin } from '../model/measures/leads';
import type { Figure } from '../model/dataset/schema';
import { setLeads, useUserData } from './user-data';

export interface LeadActions {
  pins: LeadPin[];
  /** Has the analyst chosen the leads (not the default ones)? */
  chosen: boolean;
  /** Pins a figure: as that estimate (`figure`), or its measure's newest estimate (`measure`). */
  pin: (figure: Pick<Figure, 'id' | 'measure'>, as: 'figure' | 'measure') => Promise<void>;
  unpin: (figure: Pick<Figure, 'id' | 'measure'>) => Promise<void>;
  /** Back to the default leads. */
  reset: () => Promise<void>;
}

export function useLeads(figures: readonly Pick<Figure, 'measure' | 'lead' | 'addedAt'>[]): LeadActions {
  const leads = useUserData((s) => s.leads);
  const pins = useMemo(() => leads ?? defaultPins(figures), [leads, figures]);
  return {
    pins,
    chosen: leads !== null,
    pin: (figure, as) => setLeads(withPin(pins, as === 'figure' ? { figure: figure.id } : { measure: figure.measure })),
    unpin: (figure) => setLeads(withoutFigure(pins, figure)),
    reset: () => setLeads(null),
  };
}
