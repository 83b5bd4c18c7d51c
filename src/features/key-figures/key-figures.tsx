import type { Dataset } from '../../model/schema';
import { selectComparableFigures, selectLeadFigures, sourceById } from '../../model/selectors';
import { FigureCard } from './figure-card';

/** The lead figures the dashboard opens with, each with its claimant and quote. */
export function KeyFigures({ dataset }: { dataset: Dataset }) {
  const sources = sourceById(dataset);
  const leads = selectLeadFigures(dataset);
  return (
    <ul className="figure-grid" aria-label="Lead figures">
      {leads.map((figure) => {
        const source = sources.get(figure.sourceId);
        if (!source) return null;
        return (
          <li key={figure.id}>
            <FigureCard figure={figure} source={source} compare={selectComparableFigures(dataset, figure)} />
          </li>
        );
      })}
    </ul>
  );
}
