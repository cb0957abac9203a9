/** `archflow validate FILE [--flow F] [--json]` */
import type { Flow } from '../model/diagram';
import { suggestFlowFix } from '../model/suggestFlowFix';
import { validateFlow } from '../model/validateFlow';
import type { CliIo } from './cliIo';
import { reportJson, reportText } from './formatReport';
import { EXIT_FINDINGS, EXIT_OK, loadDiagram } from './loadDiagram';

export interface ValidateArgs {
  file: string;
  flow?: Flow;
  json: boolean;
}

export async function validateCommand(io: CliIo, args: ValidateArgs): Promise<number> {
  const loaded = await loadDiagram(io, args.file);
  if (!loaded.ok) return loaded.exitCode;
  const { diagram, notices } = loaded;
  const flow = args.flow ?? diagram.flow;
  const report = validateFlow(diagram, flow);
  if (args.json) {
    io.stdout(reportJson(report));
  } else {
    io.stdout(reportText(args.file, diagram, report, suggestFlowFix(diagram, flow, report), notices));
  }
  return report.valid ? EXIT_OK : EXIT_FINDINGS;
}
