// Message texts shared by several handlers (controller-behavior.md §1.6), with the cause/correction
// wording the controller's data loader attaches to "not found" errors.
import {
  FAIL_NOT_FOUND_NODE,
  FAIL_NOT_FOUND_RSC,
  FAIL_NOT_FOUND_RSC_DFN,
  FAIL_NOT_FOUND_RSC_GRP,
  FAIL_NOT_FOUND_STOR_POOL,
  FAIL_NOT_FOUND_STOR_POOL_DFN,
  FAIL_NOT_FOUND_VLM_DFN,
} from '../../generated/constants';
import { fail } from './rc';

export function nodeNotFound(node: string): never {
  return fail(FAIL_NOT_FOUND_NODE, `Node '${node}' not found.`, {
    cause: `The specified node '${node}' could not be found in the database`,
    correction: `Create a node with the name '${node}' first.`,
    objRefs: { Node: node },
  });
}

export function rscDfnNotFound(rd: string): never {
  return fail(FAIL_NOT_FOUND_RSC_DFN, `Resource definition '${rd}' not found.`, {
    cause: `The specified resource definition '${rd}' could not be found in the database`,
    correction: `Create a resource definition with the name '${rd}' first.`,
    objRefs: { RscDfn: rd },
  });
}

export function rscNotFound(rd: string, node: string): never {
  return fail(FAIL_NOT_FOUND_RSC, `Resource '${rd}' on node '${node}' not found.`, {
    cause: `The specified resource '${rd}' on node '${node}' could not be found in the database`,
    correction: `Create a resource with the name '${rd}' on node '${node}' first.`,
    objRefs: { RscDfn: rd, Node: node },
  });
}

export function rscGrpNotFound(rg: string): never {
  return fail(FAIL_NOT_FOUND_RSC_GRP, `Resource group '${rg}' not found.`, {
    cause: `The specified resource group '${rg}' could not be found in the database`,
    correction: `Create a resource group with the name '${rg}' first.`,
    objRefs: { RscGrp: rg },
  });
}

export function vlmDfnNotFound(rd: string, nr: number): never {
  return fail(FAIL_NOT_FOUND_VLM_DFN, `Volume definition '${rd}' with volume number '${nr}' not found.`, {
    cause: `The specified volume definition with number '${nr}' of resource definition '${rd}' could not be found in the database`,
    correction: `Create a volume definition with number '${nr}' in resource definition '${rd}' first.`,
    objRefs: { RscDfn: rd, VlmNr: String(nr) },
  });
}

export function storPoolDfnNotFound(sp: string): never {
  return fail(FAIL_NOT_FOUND_STOR_POOL_DFN, `Storage pool definition '${sp}' not found.`, {
    cause: `The specified storage pool definition '${sp}' could not be found in the database`,
    correction: `Create a storage pool definition '${sp}' first.`,
    objRefs: { StorPoolDfn: sp },
  });
}

export function storPoolNotFound(node: string, sp: string): never {
  return fail(FAIL_NOT_FOUND_STOR_POOL, `Storage pool '${sp}' on node '${node}' not found.`, {
    cause: `The specified storage pool '${sp}' on node '${node}' could not be found in the database`,
    correction: `Create a storage pool '${sp}' on node '${node}' first.`,
    objRefs: { Node: node, StorPoolDfn: sp },
  });
}

export const notConnectedDetails =
  'The controller is trying to (re-) establish a connection to the satellite. The controller stored ' +
  'the changes and as soon the satellite is connected, it will receive this update.';

/** "'a', 'b'" as the controller lists names. */
export const quoteList = (names: readonly string[]): string => names.map((n) => `'${n}'`).join(', ');
