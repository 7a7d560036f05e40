import { Column, Row, Section, Text } from '@react-email/components';
import { Fragment, type ReactNode } from 'react';

// Small blocks the deadline and document emails share, in the same look as EmailLayout.

const styles = {
  subheading: { color: '#18181b', fontSize: '16px', fontWeight: 700, lineHeight: '24px', margin: '24px 0 8px' },
  facts: { margin: '0 0 16px' },
  factLabel: { color: '#52525b', fontSize: '14px', lineHeight: '22px', margin: 0, paddingRight: '16px', verticalAlign: 'top', width: '35%' },
  factValue: { color: '#18181b', fontSize: '14px', fontWeight: 600, lineHeight: '22px', margin: 0, verticalAlign: 'top' },
  list: { color: '#27272a', fontSize: '15px', lineHeight: '24px', margin: '0 0 16px', paddingLeft: '24px' },
  quote: {
    borderLeft: '4px solid #d4d4d8',
    color: '#27272a',
    fontSize: '15px',
    lineHeight: '24px',
    margin: '0 0 16px',
    padding: '4px 0 4px 16px',
  },
};

export function EmailSubheading({ children }: { children: ReactNode }) {
  return (
    <Text role="heading" aria-level={2} style={styles.subheading}>
      {children}
    </Text>
  );
}

/** Label / value pairs; rows whose value is missing are left out. */
export function EmailFacts({ rows }: { rows: [label: string, value: ReactNode | undefined][] }) {
  return (
    <Section style={styles.facts}>
      {rows
        .filter(([, value]) => value !== undefined && value !== null && value !== '')
        .map(([label, value]) => (
          <Row key={label}>
            <Column style={styles.factLabel}>{label}</Column>
            <Column style={styles.factValue}>{value}</Column>
          </Row>
        ))}
    </Section>
  );
}

export function EmailList({ items }: { items: ReactNode[] }) {
  return (
    <ul style={styles.list}>
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

/** Someone else's words, shown as they wrote them: line breaks kept, escaped like any other text. */
export function EmailQuote({ children }: { children: string }) {
  const lines = children.split(/\r?\n/);
  return (
    <Text style={styles.quote}>
      {lines.map((line, index) => (
        <Fragment key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </Text>
  );
}
