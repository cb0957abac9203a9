/** The help text: the one place that documents the commands, their flags and exit codes. */
export const USAGE = `Usage:
  archflow validate FILE [--flow bottom-up|top-down] [--json]
  archflow layout FILE [-o OUT] [--direction up|down|left|right]
  archflow analyze FILE [--rps N] [--down ID,ID] [--json]
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
          Exit code 0 when laid out, 1 when the layout fails,
          2 when FILE cannot be read or is not an Archflow diagram, or OUT cannot be written.

analyze   Capacity, latency and failure analysis (docs/capacity-model.md): each
          component's load, utilisation, instances needed and response time, the
          bottlenecks first with what to change, single points of failure, and each
          client's heaviest path. Figures are the catalog's typical values per kind.
          --rps N       the peak load the clients share, in requests/s (default 100)
          --down ID,ID  take these components out and show what breaks
          --json        print one JSON object: {"totalRps", "nodes", "spof", "cutOff",
                        "paths", "clients"}
          Exit code 0 when nothing is overloaded and no client is cut off, 1 otherwise,
          2 when FILE cannot be read or is not an Archflow diagram, or an argument is wrong.
`;
