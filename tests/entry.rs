use chrono::{TimeZone, Utc};
use crossterm::event::KeyCode;
use tilik::app::harness::{Harness, test_today};
use tilik::domain::user::{Role, Username};
use tilik::store::Store;

fn user(name: &str) -> Username {
    Username::parse(name).expect("valid name")
}

fn demo_store() -> Store {
    let mut store = Store::open_in_memory(user("operator1")).expect("store");
    store.fix_clock(Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0).single().expect("t"));
    store.add_user(&user("operator1"), "", Role::Admin).expect("user");
    tilik::demo::fill(&mut store, test_today()).expect("demo");
    store.install_templates(&tilik::templates::builtin()).expect("t");
    store
}

#[test]
fn explore() {
    let mut h = Harness::new(demo_store(), Role::Admin);
    h.press(KeyCode::Char('2'));
    h.type_str("K\tN\n");
    println!("{}", h.screen());
    h.type_str("55\n");
    println!("{}", h.screen());
    h.press(KeyCode::Esc);
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('2'));
    println!("{}", h.screen());
    h.type_str("K\tRR\t\t\n");
    println!("{}", h.screen());
    h.type_str("\n");
    println!("{}", h.screen());
    h.type_str("123412341234123412341\n");
    println!("{}", h.screen());
    h.type_str("\n");
    println!("{}", h.screen());
    h.type_str("\n");
    println!("{}", h.screen());
}
