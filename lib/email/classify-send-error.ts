// Deciding whether a failed send is worth retrying. Only a 5xx answer to RCPT TO says "this address
// will never work" (550 no such mailbox, 553 bad address): that is a permanent failure, surfaced at
// once. A 5xx elsewhere (AUTH, MAIL FROM) is our configuration and gets fixed by an operator, so it is
// retried like a 4xx, a refused connection or a timeout: nothing is lost while SMTP is being repaired.

export type SendFailure = { permanent: boolean; message: string };

type NodemailerError = { code?: unknown; command?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };

export function classifySendError(error: unknown): SendFailure {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as NodemailerError;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const command = typeof e.command === 'string' ? e.command : undefined;
  const permanent = responseCode !== undefined && responseCode >= 500 && responseCode < 600 && command !== undefined && /^RCPT\b/i.test(command);
  const detail = typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : 'unknown error';
  const message = [typeof e.code === 'string' ? e.code : undefined, command, detail].filter(Boolean).join(' ');
  return { permanent, message: message.slice(0, 1000) };
}
