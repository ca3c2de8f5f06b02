/**
 * cargo's build as a simulation: units and their dependency edges ({@code unit.rs}, {@code
 * unit_dependencies.rs}), the {@link org.cratesim.cargo.DependencyQueue} ({@code
 * src/util/dependency_queue.rs}), the jobserver, and the job queue's drain loop ({@code
 * src/compiler/job_queue/mod.rs}) with rustc's codegen coordinator ({@code
 * rustc_codegen_ssa/src/back/write.rs}) inside each running unit.
 */
package org.cratesim.cargo;
