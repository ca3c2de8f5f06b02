// A workspace for `cratesim measure`'s --help example and tests: no dependencies.
fn greeting(name: &str) -> String {
    format!("hello, {name}")
}

fn main() {
    println!("{}", greeting("cratesim"));
}
