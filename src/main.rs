//! Mounts Certlink into the page's body.

fn main() {
    leptos::mount::mount_to_body(certlink::app::App);
}
