import {
  FAIL_EXISTS_NODE,
  FAIL_EXISTS_RSC,
  FAIL_NOT_FOUND_NODE,
  MASK_RSC,
  MASK_RSC_DFN,
} from '../../generated/constants';
import { ApiCallResponse, describeRetCode } from '../../src/core/api-call-response';
import { LinstorError } from '../../src/core/errors';
import { parseJson } from '../../src/core/lossless-json';

const rc = (ret_code: bigint, message = 'm') => new ApiCallResponse({ ret_code, message });

describe('ApiCallResponse', () => {
  it('scenario 11: -4611686018407202314 is ERROR | CRT | RSC | FAIL_EXISTS_RSC', () => {
    const [r] = (parseJson('[{"ret_code":-4611686018407202314,"message":"m"}]') as object[]).map((x) =>
      ApiCallResponse.fromJson(x),
    );
    expect(r.retCode).toBe(0xc0000000013401f6n);
    expect(r.signedRetCode).toBe(-4611686018407202314n);
    expect(r.isError(FAIL_EXISTS_RSC)).toBe(true);
    expect(r.objectMask).toBe(MASK_RSC);
    expect(r.objectType).toBe('RSC');
    expect(r.operation).toBe('CRT');
    expect(r.code).toBe(502);
    expect(r.describe()).toBe('ERROR | CRT | RSC | FAIL_EXISTS_RSC');
  });

  it('-4611686018427387604 is code 300 FAIL_NOT_FOUND_NODE, bit-subset isError as python', () => {
    const r = rc(-4611686018427387604n);
    expect(r.code).toBe(300);
    expect(r.retCode).toBe(FAIL_NOT_FOUND_NODE);
    expect(r.isError(FAIL_NOT_FOUND_NODE)).toBe(true);
    expect(r.isError(FAIL_EXISTS_NODE)).toBe(false);
    expect(r.isError(FAIL_EXISTS_RSC)).toBe(false);
    expect(r.hasCode(FAIL_NOT_FOUND_NODE)).toBe(true);
    expect(r.describe()).toBe('ERROR | FAIL_NOT_FOUND_NODE');
    expect(r.toString()).toBe('ERRO:m');
  });

  it.each([
    [-4611686018407202314n, true, true, true, false, 'error'],
    [-9223372036854774808n, false, true, false, false, 'warning'],
    [4611686018427397904n, false, false, true, false, 'info'],
    [0n, false, false, false, true, 'success'],
    [1n, false, false, false, true, 'success'],
    [20447233n, false, false, false, true, 'success'],
  ])('python predicate table %s', (code, err, warn, info, succ, severity) => {
    const r = rc(code);
    expect([r.isError(), r.isWarning(), r.isInfo(), r.isSuccess()]).toEqual([err, warn, info, succ]);
    expect(r.severity).toBe(severity);
  });

  it('describes success and warnings, toString prefixes in python order', () => {
    expect(describeRetCode(20447233n)).toBe('CRT | RSC_DFN | CREATED');
    expect(rc(20447233n).objectMask).toBe(MASK_RSC_DFN);
    expect(describeRetCode(-9223372036800771144n)).toBe('WARN | DEL | RSC_DFN | WARN_NOT_FOUND');
    expect(rc(4611686018427397904n, 'i').toString()).toBe('INFO:i');
    expect(rc(-9223372036854774808n, 'w').toString()).toBe('WARN:w');
    expect(rc(1n, 's').toString()).toBe('SUCC:s');
  });

  it('keeps every field', () => {
    const [r] = (
      parseJson(
        '[{"ret_code":-4611686018427387604,"message":"Node \'x\' not found.","cause":"c","correction":"fix","details":"d","obj_refs":{"Node":"x"},"error_report_ids":["ABC-1"],"created_at":"2026-06-02T12:00:00.123456+02:00"}]',
      ) as object[]
    ).map((x) => ApiCallResponse.fromJson(x));
    expect(r).toMatchObject({
      message: "Node 'x' not found.",
      cause: 'c',
      correction: 'fix',
      details: 'd',
      objRefs: { Node: 'x' },
      errorReportIds: ['ABC-1'],
      createdAt: '2026-06-02T12:00:00.123456+02:00',
    });
    expect(JSON.stringify(r)).toContain('"ret_code":"-4611686018427387604"');
  });

  it('static helpers behave as python', () => {
    const ok = rc(20447233n);
    const warn = rc(-9223372036854774808n);
    const err = rc(-4611686018407202314n);
    expect(ApiCallResponse.allApiResponsesSuccess([ok])).toBe(true);
    expect(ApiCallResponse.allApiResponsesSuccess([ok, warn])).toBe(false);
    expect(ApiCallResponse.allApiResponsesNoError([ok, warn])).toBe(true);
    expect(ApiCallResponse.allApiResponsesNoError([ok, err])).toBe(false);
    expect(ApiCallResponse.filterApiCallResponse([ok, 'x', err])).toEqual([ok, err]);
    expect(ApiCallResponse.filterApiCallResponseErrors([ok, warn, err])).toEqual([err]);
    expect(ApiCallResponse.returnIfFailure([ok])).toBeUndefined();
    expect(ApiCallResponse.returnIfFailure([ok, warn])).toEqual([ok, warn]);
    expect(ApiCallResponse.returnIfError([ok, warn])).toBeUndefined();
    expect(ApiCallResponse.returnIfError([err])).toEqual([err]);
    expect(ApiCallResponse.fromStr('boom').describe()).toBe('ERROR | FAIL_UNKNOWN_ERROR');
    expect(ok.equals(rc(20447233n))).toBe(true);
  });

  it('rejects non-ApiCallRc values with a LinstorError', () => {
    for (const bad of [null, 1, 'x', [], {}, { ret_code: 1.5 }, { ret_code: 'x' }]) {
      expect(() => ApiCallResponse.fromJson(bad)).toThrow(LinstorError);
    }
  });
});
