import { useId, useState } from 'react';
import { formatDate } from '../../../model/format/format';
import { timeToDate, type FrontlineChartModel } from '../../../model/frontline/frontline-series';

/** "Show data": the notes on the data and the monthly table. Its own state, so toggling it never redraws the charts. */
export function FrontlineData({ model }: { model: FrontlineChartModel }) {
  const dataId = useId();
  const [showData, setShowData] = useState(false);
  return (
    <>
      <div className="chart-card__actions">
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={showData}
          aria-controls={dataId}
          onClick={() => setShowData((v) => !v)}
        >
          {showData ? 'Hide data' : 'Show data'}
        </button>
      </div>
      <div id={dataId} hidden={!showData} className="chart-card__table frontline-chart__data">
        {showData && (
          <>
            <h4 className="chart-panel__unit">Notes on the data</h4>
            <ul className="frontline-notes">
              {model.notes.map((note) => (
                <li key={note.id}>
                  <strong>{note.title}.</strong> {note.text}
                </li>
              ))}
            </ul>
            <table>
              <caption className="visually-hidden">Net gain by month: the data</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">From – to (situations)</th>
                  <th scope="col">Net gain, km²</th>
                  <th scope="col">Net gain, sq mi</th>
                  <th scope="col">Flags</th>
                </tr>
              </thead>
              <tbody>
                {model.bars.map((bar) => (
                  <tr key={bar.month}>
                    <th scope="row">{bar.label}</th>
                    <td>
                      {formatDate(bar.from)} – {formatDate(bar.to)}
                    </td>
                    <td>{bar.gainKm2.toFixed(1)}</td>
                    <td>{bar.gainSqMi.toFixed(1)}</td>
                    <td>{bar.flags.join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="chart-card__description">
              The daily series ({model.points.length} days, {timeToDate(model.timeDomain[0])} to{' '}
              {timeToDate(model.timeDomain[1])}) is in frontline/daily.json.
            </p>
          </>
        )}
      </div>
    </>
  );
}
