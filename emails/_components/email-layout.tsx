import { Body, Button, Container, Head, Heading, Hr, Html, Img, Link, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { emailTranslator } from '@/lib/email/email-translator';
import type { AppLocale } from '@/lib/i18n/config';
import type { PublicLocale } from '@/lib/i18n/public-locales';

// The frame every Sejour email shares: the firm's name (and logo) on top, the firm named again in
// the footer, and the document language set so screen readers and mail clients read it correctly.

const styles = {
  body: { backgroundColor: '#f4f4f5', fontFamily: 'Helvetica, Arial, sans-serif', margin: 0, padding: '24px 0' },
  container: { backgroundColor: '#ffffff', borderRadius: '8px', margin: '0 auto', maxWidth: '560px', padding: '32px' },
  logo: { display: 'block', height: '40px', marginBottom: '8px', width: 'auto' },
  firmName: { color: '#18181b', fontSize: '14px', fontWeight: 600, letterSpacing: '0.02em', margin: 0 },
  heading: { color: '#18181b', fontSize: '22px', fontWeight: 700, lineHeight: '30px', margin: '24px 0 16px' },
  paragraph: { color: '#27272a', fontSize: '15px', lineHeight: '24px', margin: '0 0 16px' },
  button: { backgroundColor: '#1d4ed8', borderRadius: '6px', color: '#ffffff', fontSize: '15px', fontWeight: 600, padding: '12px 20px', textDecoration: 'none' },
  fallback: { color: '#52525b', fontSize: '13px', lineHeight: '20px', margin: '16px 0', wordBreak: 'break-all' as const },
  note: { color: '#52525b', fontSize: '13px', lineHeight: '20px', margin: '0 0 12px' },
  hr: { borderColor: '#e4e4e7', margin: '24px 0' },
  footer: { color: '#71717a', fontSize: '12px', lineHeight: '18px', margin: 0 },
};

/** The frame's own words, for emails whose catalogue is not `emails` (the public ones, which also speak German). */
export type EmailLayoutLabels = { logoAlt: string; footer: string };

type LayoutLanguage = { locale: AppLocale; labels?: undefined } | { locale: PublicLocale; labels: EmailLayoutLabels };

export function EmailLayout(props: LayoutLanguage & { firmName: string; firmLogoUrl?: string; preview: string; heading: string; children: ReactNode }) {
  const labels = props.labels ?? appLayoutLabels(props.locale, props.firmName);
  return (
    <Html lang={props.locale} dir="ltr">
      <Head />
      <EmailPreview text={props.preview} />
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Section>
            {props.firmLogoUrl ? <Img src={props.firmLogoUrl} alt={labels.logoAlt} style={styles.logo} /> : null}
            <Text style={styles.firmName}>{props.firmName}</Text>
          </Section>
          <Heading as="h1" style={styles.heading}>
            {props.heading}
          </Heading>
          {props.children}
          <Hr style={styles.hr} />
          <Text style={styles.footer}>{labels.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

function appLayoutLabels(locale: AppLocale, firmName: string): EmailLayoutLabels {
  const t = emailTranslator(locale);
  return { logoAlt: t('layout.logoAlt', { firmName }), footer: t('layout.footer', { firmName }) };
}

// The inbox line under the subject. Mail clients fill it with the preview, then with whatever text follows, so
// the preview is followed by invisible padding. react-email's <Preview> pads with about 80 groups of 7 invisible
// Unicode characters (3 bytes each), which quoted-printable turns into some 5 KB per email: half a reminder's size
// and of the time to encode it for sending. Zero-width non-joiners and non-breaking spaces as ASCII entities do the
// same for a tenth of the bytes; the text part skips the whole block.
const PREVIEW_PADDING = '&zwnj;&nbsp;'.repeat(45);
const previewStyle = { display: 'none', overflow: 'hidden', lineHeight: '1px', opacity: 0, maxHeight: 0, maxWidth: 0 };

function EmailPreview({ text }: { text: string }) {
  return (
    <div style={previewStyle} data-skip-in-text="true">
      {text}
      {/* A constant, ours: no value from outside goes in here. */}
      <div dangerouslySetInnerHTML={{ __html: PREVIEW_PADDING }} />
    </div>
  );
}

export function EmailParagraph({ children }: { children: ReactNode }) {
  return <Text style={styles.paragraph}>{children}</Text>;
}

export function EmailNote({ children }: { children: ReactNode }) {
  return <Text style={styles.note}>{children}</Text>;
}

/** The one action of the email, plus the raw link for clients that strip buttons (and for the text part). */
export function EmailAction(props: { href: string; label: string } & ({ locale: AppLocale; fallback?: undefined } | { locale: PublicLocale; fallback: string })) {
  const { href, label } = props;
  const fallback = props.fallback ?? emailTranslator(props.locale)('layout.linkFallback');
  return (
    <Section>
      <Button href={href} style={styles.button}>
        {label}
      </Button>
      <Text style={styles.fallback}>
        {fallback}
        <br />
        <Link href={href}>{href}</Link>
      </Text>
    </Section>
  );
}
