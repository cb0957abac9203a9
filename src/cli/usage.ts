/** The help text: the one place that documents the commands, their flags and exit codes. */
import { DEFAULT_LAYOUT_TIMEOUT_SECONDS, LAYOUT_MEMORY_CEILING_MB } from './workerElk';

export const USAGE = `Usage:
  archflow validate FILE [--flow bottom-up|top-down] [--json]
  archflow layout FILE [-o OUT] [--direction up|down|left|right] [--timeout SECONDS]
  archflow analyze FILE [--rps N] [--down ID,ID] [--json]
  archflow doc FILE [-o OUT.md]
  archflow review ATTEMPT --problem ID|FILE [--json]
  archflow help

validate  Checks that every component lies on a path from the flow's entries to its
          exits (bottom-up: clients to datastores; top-down: datastores to clients).
          --flow   check in this flow instead of the file's own
          --json   print one JSON object: {"valid", "flow", "findings": [...]}
          Exit code 0 when valid (warnings allowed), 1 when there are errors,
          2 when FILE cannot be read or is not an Archflow diagram.

layout    Lays the diagram out in role bands (the same layout as the app's Auto layout)
          and writes it with every node's position and size.
          -o OUT        write to OUT (may be FILE itself) instead of standard output
          --direction   the way edges point; defaults to the file's, else the flow's
          --timeout     stop the layout after SECONDS (default ${DEFAULT_LAYOUT_TIMEOUT_SECONDS}); it also stops when
                        it needs more than ${LAYOUT_MEMORY_CEILING_MB.toLocaleString('en-US')} MB of memory
          Exit code 0 when laid out, 1 when the layout fails or is stopped,
          2 when FILE cannot be read or is not an Archflow diagram, or OUT cannot be written.

analyze   Capacity, latency and failure analysis (docs/capacity-model.md): each
          component's load, utilisation, instances needed and response time, the
          bottlenecks first with what to change, single points of failure, and each
          client's heaviest path, as the app's Capacity panel shows them: the file's
          own figures (else the catalog's typical values per kind) at its peak load
          (typed, else from its scale figures, else 100 requests/s).
          --rps N       replaces the file's peak load, in requests/s
          --down ID,ID  take these components (or every component of these groups)
                        out and show what breaks
          --json        print one JSON object: {"totalRps", "nodes", "spof", "cutOff",
                        "paths", "clients"}
          Exit code 0 when nothing is overloaded and no client is cut off, 1 otherwise,
          2 when FILE cannot be read or is not an Archflow diagram, or an argument is wrong.

doc       The design document in Markdown (renders on GitHub): requirements with the
          back-of-the-envelope estimates and their formulas, an API table per service,
          the entities, the diagram as a Mermaid flowchart, each request path as a
          Mermaid sequence diagram, the notes and the validator's findings.
          -o OUT.md     write to OUT.md instead of standard output
          Exit code 0 when the document is written (findings do not change it),
          2 when FILE cannot be read or is not an Archflow diagram, or OUT cannot be written.

review    Scores a practice attempt (a saved diagram) against a problem, the same way
          as the app's review (docs/practice-rubric.md): requirements, estimation,
          APIs, data, architecture, scale and failure drills, each explained.
          --problem   a shipped problem's id (e.g. url-shortener) or a problem file
          --json      print the review as one JSON object: {"overall", "parts": [...]}
          Exit code 0 when scored, 2 when ATTEMPT or the problem cannot be read.
`;
