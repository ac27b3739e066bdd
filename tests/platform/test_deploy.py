"""The Kubernetes manifests: one base for every service (deploy/k8s/base/service), one overlay each.

What a copy-paste used to get wrong is checked on the rendered output: each registered service has
an overlay listed in the build, its Deployment, Service, PodDisruptionBudget (and autoscaler) carry
its name everywhere the base says "service", selectors select its pods, and every Secret and
ConfigMap key a container reads is one the installation's generator (deploy/make_secrets.py) and
the ConfigMap provide."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from services.registry import SERVICE_NAMES

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"


def test_every_service_has_an_overlay_listed_in_the_build() -> None:
    listed = yaml.safe_load((K8S / "kustomization.yaml").read_text())["resources"]
    for name in SERVICE_NAMES:
        assert (K8S / "services" / name / "kustomization.yaml").is_file(), name
        assert f"services/{name}" in listed, name
    assert sorted(p.name for p in (K8S / "services").iterdir()) == sorted(SERVICE_NAMES)


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[str, str], dict[str, Any]]:
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        pytest.skip(
            "kubectl (with its built-in kustomize) is not installed: the manifests cannot be rendered"
        )
    out = subprocess.run([kubectl, "kustomize", str(K8S)], check=True, capture_output=True, text=True).stdout
    return {(d["kind"], d["metadata"]["name"]): d for d in yaml.safe_load_all(out) if d}


def _env(container: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["name"]: e.get("valueFrom", {}) for e in container.get("env", [])}


@pytest.mark.parametrize("name", SERVICE_NAMES)
def test_the_base_is_named_after_each_service(
    rendered: dict[tuple[str, str], dict[str, Any]], name: str
) -> None:
    deployment = rendered[("Deployment", name)]
    pod = deployment["spec"]["template"]
    labels = pod["metadata"]["labels"]
    assert labels["app.kubernetes.io/name"] == name
    assert deployment["spec"]["selector"]["matchLabels"] == {"app.kubernetes.io/name": name}
    spread = pod["spec"]["topologySpreadConstraints"][0]["labelSelector"]["matchLabels"]
    assert spread == {"app.kubernetes.io/name": name}
    (init,) = pod["spec"]["initContainers"]
    assert init["command"][-1] == name
    assert _env(init)["CHANNELHUB_SERVICE_DATABASE_URL"]["secretKeyRef"]["key"] == f"{name}-database-url"
    (container,) = pod["spec"]["containers"]
    assert container["name"] == name and container["args"][0] == name
    env = _env(container)
    assert env["CHANNELHUB_SERVICE_DATABASE_URL"]["secretKeyRef"]["key"] == f"{name}-database-url"
    assert (
        env["CHANNELHUB_SERVICE_TOKEN_PRIVATE_KEY"]["secretKeyRef"]["key"]
        == f"{name}-service-token-private-key"
    )
    service = rendered[("Service", name)]
    assert service["spec"]["selector"].items() <= labels.items()
    pdb = rendered[("PodDisruptionBudget", name)]
    assert pdb["spec"]["selector"]["matchLabels"].items() <= labels.items()
    hpa = rendered.get(("HorizontalPodAutoscaler", name))
    if hpa is not None:
        assert hpa["spec"]["scaleTargetRef"]["name"] == name
        assert "replicas" not in deployment["spec"], "the autoscaler owns the replica count"
    else:
        assert deployment["spec"]["replicas"] >= 2


def test_no_placeholder_is_left(rendered: dict[tuple[str, str], dict[str, Any]]) -> None:
    assert not [key for key in rendered if key[1] == "service"]
    text = yaml.safe_dump_all(list(rendered.values()))
    assert "service-database-url" not in text and "service-service-token" not in text


def test_every_key_a_container_reads_exists(rendered: dict[tuple[str, str], dict[str, Any]]) -> None:
    generated = subprocess.run(
        [sys.executable, "deploy/make_secrets.py", "--k8s"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    secret_keys = set(yaml.safe_load(generated)["stringData"])
    example_keys = set(yaml.safe_load((K8S / "secret.example.yaml").read_text())["stringData"])
    config_keys = set(rendered[("ConfigMap", "channelhub-config")]["data"])
    for (kind, name), doc in rendered.items():
        if kind not in ("Deployment", "Job"):
            continue
        pod = doc["spec"]["template"]["spec"]
        for container in pod.get("initContainers", []) + pod["containers"]:
            for var, source in _env(container).items():
                if "secretKeyRef" in source:
                    key = source["secretKeyRef"]["key"]
                    assert key in secret_keys, f"{kind} {name}: {var} reads Secret key {key!r}"
                    if not key.endswith("-service-token-private-key"):  # the example shows one of those
                        assert key in example_keys, f"secret.example.yaml lacks {key!r} ({kind} {name})"
                if "configMapKeyRef" in source and source["configMapKeyRef"]["name"] == "channelhub-config":
                    key = source["configMapKeyRef"]["key"]
                    assert key in config_keys, f"{kind} {name}: {var} reads ConfigMap key {key!r}"
