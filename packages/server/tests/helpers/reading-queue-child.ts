/**
 * Child process for tests/service/reading-queue.test.ts: opens the same SQLite file, starts the
 * reading queue with a reader that never answers, says "started", and waits to be killed mid-read.
 * Usage: node --import tsx packages/server/tests/helpers/reading-queue-child.ts DB_FILE UPLOADS_DIR
 */
import { openDatabase } from '../../src/db/database.ts';
import { systemClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { createFileStore } from '../../src/modules/photos/file-store.ts';
import { createSharpImageProcessor } from '../../src/modules/photos/image-processor.ts';
import { createPhotosService } from '../../src/modules/photos/photos.service.ts';
import { createReadingQueue } from '../../src/modules/submissions/reading-queue.ts';

const [dbFile, uploadsDir] = process.argv.slice(2);
const db = await openDatabase(dbFile);
const photos = createPhotosService({
  db,
  files: createFileStore(uploadsDir),
  images: createSharpImageProcessor({ maxPixels: 1e8 }),
  clock: systemClock,
});
const queue = createReadingQueue({
  db,
  photos,
  reader: { read: () => new Promise(() => undefined) },
  clock: systemClock,
  logger: silentLogger,
  concurrency: 1,
  pollMs: 20,
});
await queue.start();
process.stdout.write('started\n');
setInterval(() => undefined, 60_000); // the queue's own timer does not keep the process alive
