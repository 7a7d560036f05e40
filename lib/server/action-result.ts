import { isAppError, type ActionResult } from '@/lib/errors';
import { userMessageText } from '@/lib/i18n/user-message';
import { logger } from '@/lib/logger';

/** Runs an operation for a server action: AppErrors become a result the form can show, anything else is logged. */
export async function toActionResult<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    if (isAppError(error)) {
      const fieldErrors = error.details?.fieldErrors as Record<string, string[]> | undefined;
      const message = await userMessageText(error.userMessage);
      return {
        ok: false,
        code: error.code,
        userMessage: error.userMessage,
        ...(message ? { message } : {}),
        ...(fieldErrors ? { fieldErrors } : {}),
        ...(error.exposed ? { exposed: error.exposed } : {}),
      };
    }
    // Next's redirect() and notFound() are thrown; they must pass through.
    if (error instanceof Error && 'digest' in error) throw error;
    logger().error({ err: error }, 'action failed');
    return { ok: false, code: 'INTERNAL', userMessage: 'INTERNAL' };
  }
}
