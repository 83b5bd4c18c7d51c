import { useId } from 'react';
import { REGION_TARGETS } from './regions';

/** The keys of the dashboard, and the switch that turns the single-key ones off (WCAG 2.1.4). */
export function KeyboardHelp({ enabled, onToggle }: { enabled: boolean; onToggle: (on: boolean) => void }) {
  const toggleId = useId();
  return (
    <div className="keyboard-help">
      <p>Outside a text field, these keys move around the dashboard:</p>
      <table>
        <caption className="visually-hidden">Keyboard shortcuts</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
        <tbody>
          {REGION_TARGETS.map((r) => (
            <tr key={r.id}>
              <td>
                <kbd>{r.key}</kbd>
              </td>
              <td>Go to {r.title}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>/</kbd>
            </td>
            <td>Search figures</td>
          </tr>
          <tr>
            <td>
              <kbd>?</kbd>
            </td>
            <td>This list</td>
          </tr>
          <tr>
            <td>
              <kbd>Esc</kbd>
            </td>
            <td>Close a dialog; the focus goes back where it was</td>
          </tr>
          <tr>
            <td>
              <kbd>←</kbd> <kbd>→</kbd> <kbd>Home</kbd> <kbd>End</kbd>
            </td>
            <td>Move between the dots of the timeline’s axis; Enter goes to that date</td>
          </tr>
        </tbody>
      </table>
      <p>In the presentation, the arrows, Space, F (full screen) and N (notes) drive the slides.</p>
      <label className="keyboard-help__toggle" htmlFor={toggleId}>
        <input id={toggleId} type="checkbox" checked={enabled} onChange={(e) => onToggle(e.target.checked)} />
        Single-key shortcuts (1–7 and /)
      </label>
    </div>
  );
}
