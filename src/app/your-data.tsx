/**
 * "Your data" in the header: the menu (files, packs, storage) with the saved briefings listed inside it.
 * Composed here because they are two features: your-data and saved-briefings.
 */
import type { Dataset } from '../model/dataset/schema';
import { YourDataMenu } from '../features/your-data/your-data-menu';
import { BriefingsList } from '../features/saved-briefings/briefings-list';

export function YourData({ base }: { base: Dataset }) {
  return <YourDataMenu base={base} Briefings={BriefingsList} />;
}
