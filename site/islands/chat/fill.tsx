/** Fills `{name}` placeholders of a UI string with elements (a phone link inside a sentence). */
import type { ComponentChild } from 'preact';
import { Fragment } from 'preact';

export function fill(template: string, parts: Record<string, ComponentChild>): ComponentChild[] {
  return template.split(/(\{\w+\})/).map((piece, index) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return <Fragment key={index}>{name !== undefined && name in parts ? parts[name] : piece}</Fragment>;
  });
}

/** Fills `{name}` placeholders with text. */
export function format(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
