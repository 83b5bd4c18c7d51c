import { describe, expect, it } from 'vitest';
import units from '../../data/units.json';
import type { Figure, UnitInfo } from '../model/schema';
import { labelFor, measureFor } from './label';

const unit = (id: string) => (units as UnitInfo[]).find((u) => u.id === id);
const label = (s: string, stated: string, counted: string, unitId: string) => {
  const a = s.indexOf(stated);
  return labelFor(s, [0, s.length], [a, a + stated.length], counted, unit(unitId));
};

describe('labels in plain words', () => {
  it('keeps what is counted and drops the number', () => {
    expect(label('Moscow lost 1,400 tanks in 2024', '1,400 tanks', 'tanks', 'tanks')).toBe('Moscow lost tanks in 2024');
  });
  it('names the unit of a measure and drops the attribution', () => {
    expect(
      label(
        'Russia’s military has been suffering roughly 1,000 casualties a day, according to Western officials',
        'roughly 1,000 casualties a day',
        'casualties a day',
        'casualties-per-day',
      ),
    ).toBe('Russia’s military has been suffering (casualties a day)');
  });
  it('reads a fraction as a share', () => {
    expect(label('Russia occupies around a fifth of Ukraine', 'around a fifth', 'percent', 'percent')).toBe(
      'Russia occupies a share of Ukraine (percent)',
    );
  });
  it('leaves out a dateline', () => {
    expect(label('KYIV, Feb 20 (Reuters) - Russia launched 143 drones', '143 drones', 'drones', 'drones')).toBe(
      'Russia launched drones',
    );
  });
});

describe('measures', () => {
  const shipped = [
    { id: 'a', unit: 'tanks', label: 'Russian tanks lost in 2024', measure: 'russia-tank-losses' },
    { id: 'b', unit: 'percent', label: 'Share of Ukraine occupied by Russia', measure: 'occupied-share-of-ukraine' },
  ] as Figure[];
  it('reuses a measure of the same unit that shares key words', () => {
    expect(measureFor('Russia lost tanks in 2025', 'tanks', shipped)).toBe('russia-tank-losses');
    expect(measureFor('Russia occupies a share of Ukraine (percent)', 'percent', shipped)).toBe(
      'occupied-share-of-ukraine',
    );
  });
  it('makes a new one otherwise', () => {
    expect(measureFor('Russia launched drones overnight', 'drones', shipped)).toBe('russia-launched-drones-overnight');
    expect(measureFor('Moscow lost tanks', 'drones', shipped)).toBe('moscow-lost-tanks');
  });
});
