import { describe, expect, it } from 'vitest';
import { idOf, inferModelDefaults, modelNameOf, parseList, parseParams } from './entry.ts';

describe('model entry helpers', () => {
  it.each([
    ['gpt-5.3', 'gpt-5-3'],
    ['cohere-rerank-v3.5', 'cohere-rerank-v3-5'],
    ['Claude Opus 4.5', 'claude-opus-4-5'],
    ['.x..y.', 'x-y'],
  ])('idOf(%j) = %j', (name, id) => expect(idOf(name)).toBe(id));

  it('modelNameOf drops the provider prefix only', () => {
    expect(modelNameOf('azure_ai/embed-v-4-0')).toBe('embed-v-4-0');
    expect(modelNameOf('openai/org/model')).toBe('org/model');
    expect(modelNameOf('gpt-5')).toBe('gpt-5');
  });

  it('parseList trims and drops empty items, and takes lists as they are', () => {
    expect(parseList(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
    expect(parseList(['a', ' b '])).toEqual(['a', 'b']);
  });

  it('parseParams types booleans and numbers and keeps everything after the first =', () => {
    expect(parseParams('input_type=text, dimensions=1024, scale=-0.5, flag=true, off=false, expr=a=b, version=1.2.3')).toEqual({
      input_type: 'text',
      dimensions: 1024,
      scale: -0.5,
      flag: true,
      off: false,
      expr: 'a=b',
      version: '1.2.3',
    });
  });

  it.each(['novalue', '=x'])('parseParams refuses %j, naming the option', (value) => {
    expect(() => parseParams(value)).toThrow(`--params: "${value}" is not key=value`);
  });

  it('inference reads the name case-insensitively and checks realtime before audio and embed', () => {
    expect(inferModelDefaults('azure/GPT-Realtime-Audio-Embed').mode).toBe('realtime');
    expect(inferModelDefaults('azure/gpt-audio-embed').mode).toBe('chat');
  });
});
