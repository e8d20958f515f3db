/**
 * npm run import:mhlw -- --facilities <02-1 file> --hours <02-2 file>
 *   [--hospital-facilities <01-1 file> --hospital-hours <01-2 file>] [--city 13114] [--dry-run]
 *   [--report <file.md>] [--content-dir content]
 *
 * Imports the MHLW 医療情報ネット open data for one city into content/facilities (see
 * docs/operations/mhlw-import.md). Prints the Markdown report (or writes it to --report), shows a
 * progress bar on stderr, and exits 0 (done, nothing to decide), 3 (done; conflicts, ambiguous
 * matches or new facilities need review), 2 (wrong arguments) or 1 (could not read the files).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { toJst } from '../src/lib/util/jst.ts';
import { runImport } from './lib/mhlw/import.ts';
import { MhlwReadError } from './lib/mhlw/reader.ts';
import { exitCodeFor, renderReport } from './lib/mhlw/report.ts';

const USAGE = `使い方: npm run import:mhlw -- --facilities <02-1 ファイル> --hours <02-2 ファイル> [--hospital-facilities <01-1> --hospital-hours <01-2>] [--city 13114] [--dry-run] [--report <出力.md>]`;

function progressBar(): (phase: string, read: number, total: number) => void {
  const tty = process.stderr.isTTY;
  let lastPhase = '';
  let lastDraw = 0;
  return (phase, read, total) => {
    const now = Date.now();
    if (phase !== lastPhase) {
      if (lastPhase && tty) process.stderr.write('\n');
      if (!tty) process.stderr.write(`読み込み中: ${phase}\n`);
      lastPhase = phase;
    }
    if (!tty || (now - lastDraw < 100 && read < total)) return;
    lastDraw = now;
    const ratio = total > 0 ? Math.min(1, read / total) : 0;
    const width = 30;
    const filled = Math.round(ratio * width);
    process.stderr.write(
      `\r${phase} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${(read / 1e6).toFixed(1)}/${(total / 1e6).toFixed(1)} MB`,
    );
  };
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        facilities: { type: 'string' },
        hours: { type: 'string' },
        'hospital-facilities': { type: 'string' },
        'hospital-hours': { type: 'string' },
        city: { type: 'string', default: '13114' },
        'dry-run': { type: 'boolean', default: false },
        report: { type: 'string' },
        'content-dir': { type: 'string', default: process.env['CONTENT_DIR'] ?? 'content' },
      },
      strict: true,
    }).values;
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  if (!args.facilities || !args.hours) {
    console.error(`--facilities と --hours は必須です。\n${USAGE}`);
    return 2;
  }
  if (Boolean(args['hospital-facilities']) !== Boolean(args['hospital-hours'])) {
    console.error(`病院は --hospital-facilities と --hospital-hours を両方指定してください。\n${USAGE}`);
    return 2;
  }
  if (!/^\d{5,6}$/.test(args.city)) {
    console.error(`--city は 5 桁の市区町村コードです（中野区: 13114）。\n${USAGE}`);
    return 2;
  }
  const started = Date.now();
  const progress = progressBar();
  const result = await runImport({
    facilities: args.facilities,
    hours: args.hours,
    hospitalFacilities: args['hospital-facilities'],
    hospitalHours: args['hospital-hours'],
    city: args.city,
    contentDir: path.resolve(args['content-dir']),
    dryRun: args['dry-run'],
    today: toJst(Date.now()).date,
    onProgress: progress,
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  const report = renderReport(result, { dryRun: args['dry-run'] });
  if (args.report) await writeFile(args.report, report);
  else process.stdout.write(report);
  const code = exitCodeFor(result);
  console.error(
    `${args['dry-run'] ? '試行' : '完了'}: 対象 ${result.files[0]?.kept ?? 0} 施設、更新 ${result.updated.length}、新規 ${result.created.length}、競合 ${result.conflicts.length}、あいまい ${result.ambiguous.length}、ファイルにない ${result.missing.length}（${((Date.now() - started) / 1000).toFixed(1)} 秒）${code === 3 ? ' — レビューが必要です' : ''}`,
  );
  return code;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    if (e instanceof MhlwReadError || (e as NodeJS.ErrnoException)?.code === 'ENOENT') console.error(`取り込めませんでした: ${(e as Error).message}`);
    else console.error(e);
    process.exitCode = 1;
  },
);
