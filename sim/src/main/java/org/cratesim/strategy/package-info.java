/**
 * Build strategies a team weighs (shared/domain/rust-build-facts.md, sections 2 and 3): precompiled
 * proc-macro binaries, proc macros compiled to WebAssembly, a proc-macro expansion cache, a shared
 * compilation cache, and scheduling policies. Each is a small record registered by name ({@link
 * org.cratesim.strategy.Strategies}); they compose in the order given.
 */
package org.cratesim.strategy;
