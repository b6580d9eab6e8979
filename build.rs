// With the `split` feature (the release app, index.html), the linker keeps
// its relocations in the WebAssembly: wasm-split needs them to move the
// code of the split points (`views::draw`, `session::demo`'s `advance`
// and `session::library::follow_library` for `later`; `session::reader`'s
// `advance` for `reader`: src/lazy.rs) into files of their own
// (scripts/wasm-split-shim/wasm-bindgen).
fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    if std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}
