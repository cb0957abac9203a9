/** The validator's verdict, live: a status line, and each finding in plain words with a fix. */
import { memo, useMemo, useState } from 'react';
import { useEditor, useEditorStore } from '../bindings/editorContext';
import { describeFinding } from '../model/describeFinding';
import { suggestFlowFix } from '../model/suggestFlowFix';
import { otherFlow } from '../model/validateFlow';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Findings listed at first, and added per "Show more". A big diagram can have tens of thousands
 * of findings; listing them all cost seconds of the page's time whenever they changed.
 */
const LISTED = 100;

function ValidationPanelView() {
  const store = useEditorStore();
  const validation = useEditor((s) => s.validation);
  const { report, input } = validation;
  const [listed, setListed] = useState(LISTED);
  const fix = useMemo(() => (report.valid ? null : suggestFlowFix(input, report.flow, report)), [input, report]);
  const items = useMemo(
    () => report.findings.slice(0, listed).map((f) => ({ finding: f, ...describeFinding(f, input, report.flow) })),
    [report, input, listed],
  );
  const more = report.findings.length - items.length;
  const status = validation.pending
    ? 'Checking…'
    : report.valid
    ? report.warningCount > 0
      ? `Valid, ${plural(report.warningCount, 'warning')}`
      : 'Valid'
    : [plural(report.errorCount, 'error'), report.warningCount > 0 ? plural(report.warningCount, 'warning') : '']
        .filter(Boolean)
        .join(', ');
  const other = otherFlow(report.flow);
  return (
    <section className="panel validation" aria-labelledby="validation-heading">
      <h2 id="validation-heading" className="panel-heading">
        Validation
      </h2>
      <div role="status" className={`validation-status ${validation.pending ? 'is-pending' : report.valid ? 'is-valid' : 'is-invalid'}`} data-testid="validation-status">
        {status}
      </div>
      {fix && (
        <div className="validation-fix">
          <p>The whole diagram seems to point the other way for a {report.flow} flow.</p>
          <div className="row">
            <button type="button" className="secondary" onClick={() => store.getState().setFlow(other)}>
              Switch to {other}
            </button>
            <button type="button" className="secondary" onClick={() => store.getState().reverseAllEdges()}>
              Reverse all edges
            </button>
          </div>
        </div>
      )}
      {items.length > 0 && (
        <ul className="findings" aria-label="Findings">
          {items.map(({ finding, title, hint }, i) => (
            <li key={`${finding.rule}-${finding.nodes.join(',')}-${finding.edges.join(',')}-${i}`}>
              <button
                type="button"
                className={`finding finding-${finding.severity}`}
                onClick={() => {
                  const s = store.getState();
                  s.select(finding.nodes, finding.edges);
                  const ids = finding.nodes.length > 0 ? finding.nodes : [];
                  if (ids.length > 0) s.focusElements(ids);
                }}
              >
                <span className="finding-severity">{finding.severity === 'error' ? 'Error' : 'Warning'}</span>
                <span className="finding-title">{title}</span>
                <span className="finding-message">{finding.message}</span>
                <span className="finding-hint">{hint}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {more > 0 && (
        <button type="button" className="secondary findings-more" onClick={() => setListed((n) => n + LISTED)}>
          Show {Math.min(more, LISTED)} more ({more.toLocaleString('en-US')} not shown)
        </button>
      )}
    </section>
  );
}

export const ValidationPanel = memo(ValidationPanelView);
